/// One growing byte buffer that the writers fill, so output is built without
/// intermediate strings.
struct OutputBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always) mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func appendSpaces(_ count: Int) {
        let spaces: StaticString = "                                                                "
        var left = count
        while left > 0 {
            let n = min(left, spaces.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: spaces.utf8Start, count: n))
            left -= n
        }
    }

    mutating func appendHex(_ value: UInt32, digits: Int) {
        let hex: StaticString = "0123456789ABCDEF"
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            bytes.append(hex.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    /// Decimal form of an integer.
    mutating func appendDecimal(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            append(String(value))
        }
    }

    /// A double in a form that YAML 1.1 and 1.2 readers and JSON all take for a float:
    /// always a `.` in the mantissa and a sign in the exponent (`3.0e+20`).
    mutating func appendFloat(_ value: Double) {
        var text = "\(value)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(text[..<e])
            var exponent = String(text[text.index(after: e)...])
            if !mantissa.contains(".") { mantissa += ".0" }
            if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") { exponent = "+" + exponent }
            text = mantissa + "e" + exponent
        } else if !text.contains(".") {
            text += ".0"
        }
        append(text)
    }

    /// Appends `s` between double quotes.
    ///
    /// `escape` writes the escape sequence for a scalar that needs one and returns true, or
    /// returns false for a scalar written as it is. Printable ASCII without quotes or
    /// backslashes, which no format escapes, is copied whole.
    mutating func appendQuoted(_ s: String, escape: (UInt32, inout OutputBuffer) -> Bool) {
        append(0x22)
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            append(s)
            append(0x22)
            return
        }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if escape(v, &self) { continue }
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else {
                bytes.append(contentsOf: scalar.utf8)
            }
        }
        append(0x22)
    }

    /// The escapes JSON and HCL strings share: `\"`, `\\`, `\n`, `\r`, `\t`, and `\uXXXX` for
    /// other C0 and C1 controls and DEL.
    ///
    /// False for a scalar that needs none of them.
    mutating func appendCEscape(_ v: UInt32) -> Bool {
        switch v {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x09: append("\\t")
        case 0x0D: append("\\r")
        case 0..<0x20, 0x7F..<0xA0:
            append("\\u")
            appendHex(v, digits: 4)
        default:
            return false
        }
        return true
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
