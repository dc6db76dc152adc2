/// Simple case folding as RE2 applies it under `(?i)`: every scalar matches the others of
/// its orbit (`k`, `K` and the Kelvin sign `K`), built once from the Unicode data.
enum RE2CaseFolding {
    /// The last scalar that has a case mapping (ADLAM SMALL LETTER SHA).
    static let lastCased: UInt32 = 0x1E943

    /// The scalars that fold together with `v`, `v` included.
    static func orbit(of v: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(v) else { return [v] }
        return orbits[key(scalar)] ?? [v]
    }

    /// Every scalar whose orbit has another member, sorted.
    static let cased: [UInt32] = orbits.values.flatMap { $0.count > 1 ? $0 : [] }.sorted()

    private static func key(_ s: Unicode.Scalar) -> UInt32 {
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first?.value ?? s.value : s.value
    }

    private static let orbits: [UInt32: [UInt32]] = {
        var table: [UInt32: [UInt32]] = [:]
        var v: UInt32 = 0
        // No scalar above U+1E943 has case.
        while v <= RE2CaseFolding.lastCased {
            if let s = Unicode.Scalar(v), s.properties.changesWhenCaseMapped || s.properties.changesWhenLowercased {
                table[key(s), default: []].append(v)
                let upper = s.properties.uppercaseMapping.unicodeScalars
                if upper.count == 1, let u = upper.first, key(u) != key(s) {
                    table[key(s), default: []].append(u.value)
                }
            }
            v += 1
        }
        for (k, list) in table {
            var members = Set(list)
            members.insert(k)
            table[k] = members.sorted()
        }
        return table
    }()
}
