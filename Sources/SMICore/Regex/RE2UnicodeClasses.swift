/// The Unicode general categories that `\p{...}` names (`\pL`, `\p{Nd}`, `\p{Any}`), built
/// once from the standard library's Unicode data.
enum RE2UnicodeClasses {
    static func set(named name: String) -> RE2CharacterSet? {
        if name == "Any" { return .all }
        return table[name]
    }

    private static let table: [String: RE2CharacterSet] = {
        var ranges: [String: [ClosedRange<UInt32>]] = [:]
        var current: (name: String, start: UInt32)? = nil
        func close(_ end: UInt32) {
            if let c = current { ranges[c.name, default: []].append(c.start...end) }
        }
        var v: UInt32 = 0
        while v <= RE2CharacterSet.maxScalar {
            let name: String
            if let s = Unicode.Scalar(v) {
                name = code(s.properties.generalCategory)
            } else {
                name = "Cs"
            }
            if current?.name != name {
                if v > 0 { close(v - 1) }
                current = (name, v)
            }
            v += 1
        }
        close(RE2CharacterSet.maxScalar)
        var table: [String: RE2CharacterSet] = [:]
        for (name, list) in ranges {
            table[name] = RE2CharacterSet(list)
            var major = table[String(name.prefix(1))] ?? RE2CharacterSet()
            for r in list { major.insert(r) }
            table[String(name.prefix(1))] = major
        }
        return table
    }()

    private static func code(_ category: Unicode.GeneralCategory) -> String {
        switch category {
        case .uppercaseLetter: return "Lu"
        case .lowercaseLetter: return "Ll"
        case .titlecaseLetter: return "Lt"
        case .modifierLetter: return "Lm"
        case .otherLetter: return "Lo"
        case .nonspacingMark: return "Mn"
        case .spacingMark: return "Mc"
        case .enclosingMark: return "Me"
        case .decimalNumber: return "Nd"
        case .letterNumber: return "Nl"
        case .otherNumber: return "No"
        case .connectorPunctuation: return "Pc"
        case .dashPunctuation: return "Pd"
        case .openPunctuation: return "Ps"
        case .closePunctuation: return "Pe"
        case .initialPunctuation: return "Pi"
        case .finalPunctuation: return "Pf"
        case .otherPunctuation: return "Po"
        case .mathSymbol: return "Sm"
        case .currencySymbol: return "Sc"
        case .modifierSymbol: return "Sk"
        case .otherSymbol: return "So"
        case .spaceSeparator: return "Zs"
        case .lineSeparator: return "Zl"
        case .paragraphSeparator: return "Zp"
        case .control: return "Cc"
        case .format: return "Cf"
        case .surrogate: return "Cs"
        case .privateUse: return "Co"
        case .unassigned: return "Cn"
        @unknown default: return "Cn"
        }
    }
}
