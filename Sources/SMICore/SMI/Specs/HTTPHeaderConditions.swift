/// The header conditions of an HTTP match: header name and an RE2 regex for its value.
///
/// Two wire forms exist (notes D4): a list of single-key maps (the SDK's CRD:
/// `[{user-agent: ".*Android.*"}]`) and a plain map (the later spec docs). Both are read;
/// the list form is written. Values must be strings: an unquoted `on` is not the text "on".
public struct HTTPHeaderConditions: Sendable, Hashable, Codable {
    /// One condition.
    public struct Condition: Sendable, Hashable {
        /// The header name (compared case-insensitively).
        public var name: String
        /// The RE2 regex a value of the header must match in full.
        public var regex: String
        /// The list item it was written in (list form), for field paths and the
        /// multi-key-item warning.
        public var item: Int?

        /// Creates a condition.
        public init(name: String, regex: String, item: Int? = nil) {
            self.name = name
            self.regex = regex
            self.item = item
        }
    }

    /// How the conditions were written.
    public enum Form: Sendable, Equatable {
        /// `[{name: regex}, ...]`.
        case list
        /// `{name: regex, ...}`.
        case map
    }

    /// The conditions in order.
    public var conditions: [Condition]
    /// The form they were read in (`.list` for conditions built in code).
    public var form: Form

    /// Creates conditions.
    public init(_ conditions: [Condition], form: Form = .list) {
        self.conditions = conditions
        self.form = form
    }

    /// Reads either form.
    public init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var conditions: [Condition] = []
            var item = 0
            while !list.isAtEnd {
                let entry = try list.nestedContainer(keyedBy: ManifestCodingKey.self)
                for key in entry.allKeys {
                    conditions.append(
                        Condition(name: key.stringValue, regex: try entry.decode(String.self, forKey: key), item: item))
                }
                item += 1
            }
            self.init(conditions, form: .list)
        } else {
            let map = try decoder.container(keyedBy: ManifestCodingKey.self)
            var conditions: [Condition] = []
            for key in map.allKeys {
                conditions.append(Condition(name: key.stringValue, regex: try map.decode(String.self, forKey: key)))
            }
            self.init(conditions, form: .map)
        }
    }

    /// Writes the list form, one condition per item.
    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for condition in conditions {
            var entry = list.nestedContainer(keyedBy: ManifestCodingKey.self)
            try entry.encode(condition.regex, forKey: ManifestCodingKey(stringValue: condition.name))
        }
    }
}
