/// Nodes are `Codable` so that typed resources can hold free-form content (annotations
/// aside, for example a pass-through `spec`) as a plain field. `ManifestEncoder` and
/// `ManifestDecoder` keep such nodes exactly, locations and non-string keys included;
/// other coders see ordinary JSON-like values.
extension ManifestNode: Codable {
    /// Decodes whatever value the decoder holds.
    public init(from decoder: any Decoder) throws {
        if let nodeDecoder = decoder as? NodeDecoder {
            self = nodeDecoder.node
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [ManifestNode] = []
            while !array.isAtEnd { items.append(try array.decode(ManifestNode.self)) }
            self.init(.sequence(items))
            return
        }
        if let object = try? decoder.container(keyedBy: ManifestCodingKey.self) {
            var mapping = ManifestMapping()
            for key in object.allKeys {
                mapping.append(key.stringValue, try object.decode(ManifestNode.self, forKey: key))
            }
            self.init(.mapping(mapping))
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self.init(.null)
        } else if let b = try? single.decode(Bool.self) {
            self.init(.bool(b))
        } else if let i = try? single.decode(Int.self) {
            self.init(.int(i))
        } else if let d = try? single.decode(Double.self) {
            self.init(.double(d))
        } else {
            self.init(.string(try single.decode(String.self)))
        }
    }

    /// Encodes the value; mapping keys that are not strings are written as their text.
    public func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case let .bool(b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case let .int(i):
            var c = encoder.singleValueContainer()
            try c.encode(i)
        case let .double(d):
            var c = encoder.singleValueContainer()
            try c.encode(d)
        case let .string(s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case let .sequence(items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case let .mapping(m):
            var c = encoder.container(keyedBy: ManifestCodingKey.self)
            for entry in m.entries {
                let key: String
                switch entry.key.value {
                case let .string(s): key = s
                case let .int(i): key = String(i)
                case let .bool(b): key = String(b)
                case .null: key = "null"
                case let .double(d): key = "\(d)"
                case .sequence, .mapping:
                    throw EncodingError.invalidValue(
                        entry.key,
                        .init(codingPath: c.codingPath, debugDescription: "a collection cannot be a key here"))
                }
                try c.encode(entry.value, forKey: ManifestCodingKey(stringValue: key))
            }
        }
    }
}
