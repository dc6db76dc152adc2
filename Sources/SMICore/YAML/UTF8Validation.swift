/// Checks that input is UTF-8 holding only characters YAML allows (`c-printable`), so the
/// scanner can work on bytes and treat a zero byte as the end.
enum UTF8Validation {
    static func check(_ p: UnsafePointer<UInt8>, count: Int, file: String?, firstLine: Int = 1) throws(YAMLError) {
        var i = 0
        func fail(_ message: String) -> YAMLError {
            var line = firstLine
            var lineStart = 0
            for j in 0..<i where p[j] == 0x0A {
                line += 1
                lineStart = j + 1
            }
            var column = 1
            for j in lineStart..<i where p[j] & 0xC0 != 0x80 { column += 1 }
            return YAMLError(.encoding, message, at: SourceLocation(line: line, column: column), file: file)
        }
        while i < count {
            // Eight bytes at a time while they are printable ASCII (0x20...0x7E).
            while i + 8 <= count {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let below20 = (w &- 0x2020_2020_2020_2020) & ~w & high
                let is7F = ((w ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(w ^ 0x7F7F_7F7F_7F7F_7F7F) & high
                if (w & high) | below20 | is7F != 0 { break }
                i += 8
            }
            guard i < count else { return }
            let b = p[i]
            if b < 0x80 {
                if b >= 0x20 && b != 0x7F || b == 0x09 || b == 0x0D || b == 0x0A {
                    i += 1
                    continue
                }
                throw fail(
                    b == 0
                        ? "NUL byte in input"
                        : "control character \(unicodeName(UInt32(b))) is not allowed; escape it in a double-quoted string"
                )
            }
            var scalar: UInt32
            var length: Int
            if b & 0xE0 == 0xC0 {
                scalar = UInt32(b & 0x1F)
                length = 2
            } else if b & 0xF0 == 0xE0 {
                scalar = UInt32(b & 0x0F)
                length = 3
            } else if b & 0xF8 == 0xF0 {
                scalar = UInt32(b & 0x07)
                length = 4
            } else {
                throw fail("input is not valid UTF-8")
            }
            guard i + length <= count else { throw fail("input is not valid UTF-8 (truncated sequence)") }
            for k in 1..<length {
                let c = p[i + k]
                guard c & 0xC0 == 0x80 else { throw fail("input is not valid UTF-8") }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw fail("input is not valid UTF-8")
            }
            if (0x80...0x9F).contains(scalar) && scalar != 0x85 || scalar == 0xFFFE || scalar == 0xFFFF {
                throw fail("character \(unicodeName(scalar)) is not allowed; escape it in a double-quoted string")
            }
            if scalar == 0xFEFF && i != 0 {
                throw fail("byte order mark is only allowed at the start of the input")
            }
            i += length
        }
    }

    /// `U+001B` style name of a scalar value.
    static func unicodeName(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
