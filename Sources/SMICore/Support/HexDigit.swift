/// Hexadecimal digits as the YAML scanner and the regex parser read them.
enum HexDigit {
    /// The value of an ASCII hex digit (`0`-`9`, `a`-`f`, `A`-`F`), or nil.
    static func value(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
