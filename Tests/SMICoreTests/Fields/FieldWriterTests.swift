@testable import SMICore
import SMITestSupport
import Testing

/// Writing a value field by field must give exactly what `YAMLWriter` writes of the same
/// value's manifest, whichever of the writer's forms each part goes through; a value that
/// gives a mapping a key twice must be left to the manifest path untouched.
@Suite struct FieldWriterTests {
    /// A mapping that writes its entries through the writer, each part in a form chosen from
    /// the value's own hash: as a scalar, a nested value, a closure's mapping, a string map,
    /// a list of strings, of nested values or of nodes, or as a whole node.
    struct Fields: FieldsWritable {
        var mapping: ManifestMapping
        var style: UInt64

        func writeFields(to writer: inout FieldWriter) {
            for (i, entry) in mapping.entries.enumerated() {
                let key = entry.key.value.stringValue ?? ""
                let style = style &* 6364136223846793005 &+ UInt64(i + 1)
                Self.write(entry.value, key: key, style: style, to: &writer)
            }
        }

        static func write(_ node: ManifestNode, key: String, style: UInt64, to writer: inout FieldWriter) {
            switch (node.value, style % 4) {
            case (_, 0):
                writer.field(key, node)
            case let (.string(s), _):
                writer.field(key, s)
            case let (.int(n), _):
                writer.field(key, n)
            case let (.bool(b), _):
                writer.field(key, b)
            case let (.double(d), _):
                writer.field(key, d)
            case let (.mapping(m), 1):
                writer.field(key, Fields(mapping: m, style: style))
            case let (.mapping(m), 2) where m.entries.allSatisfy({ $0.value.value.stringValue != nil }):
                writer.field(
                    key,
                    StringMap(
                        m.entries.map { (key: $0.key.value.stringValue ?? "", value: $0.value.value.stringValue ?? "") }
                    ))
            case let (.mapping(m), _):
                writer.field(key) { nested in Fields(mapping: m, style: style &+ 1).writeFields(to: &nested) }
            case let (.sequence(items), 1) where items.allSatisfy({ $0.value.stringValue != nil }):
                writer.field(key, items.map { $0.value.stringValue ?? "" })
            case let (.sequence(items), 2) where items.allSatisfy({ $0.value.mappingValue != nil }):
                writer.field(
                    key, items.map { Fields(mapping: $0.value.mappingValue ?? ManifestMapping(), style: style) })
            case let (.sequence(items), _):
                writer.field(key, items)
            default:
                writer.field(key, node)
            }
        }
    }

    /// What the writer appends after a prefix, or nil when it declines (having left the
    /// prefix as it was).
    static func written(_ value: some FieldsWritable) -> [UInt8]? {
        var out = OutputBuffer(capacity: 0)
        out.append("prefix\n")
        let written = FieldWriter.write(value, into: &out)
        #expect(Array(out.bytes.prefix(7)) == Array("prefix\n".utf8))
        if !written { #expect(out.bytes.count == 7, "a declined value leaves the output as it was") }
        return written ? Array(out.bytes.dropFirst(7)) : nil
    }

    static func manifestPath(_ mapping: ManifestMapping) -> [UInt8] {
        var out = OutputBuffer(capacity: 0)
        YAMLWriter().writeRoot(.mapping(mapping), into: &out)
        return out.bytes
    }

    /// Whether some mapping in `value` has a key twice.
    static func repeatsAKey(_ value: ManifestValue) -> Bool {
        switch value {
        case let .mapping(m):
            Set(m.entries.map { $0.key.value.stringValue ?? "" }).count < m.count
                || m.entries.contains { repeatsAKey($0.value.value) }
        case let .sequence(items):
            items.contains { repeatsAKey($0.value) }
        default:
            false
        }
    }

    @Test func randomValuesAreWrittenAsTheirManifestsAre() {
        var rng = SeededGenerator(seed: 71)
        var compared = 0
        var declined = 0
        for _ in 0..<4000 {
            let value = TrickyValues.value(&rng, depth: 5, finiteOnly: rng.next() % 2 == 0)
            let mapping = value.mappingValue ?? ManifestMapping([(ManifestNode(.string("root")), ManifestNode(value))])
            let fields = Fields(mapping: mapping, style: rng.next())
            if let got = Self.written(fields) {
                #expect(got == Self.manifestPath(mapping), "\(mapping)")
                #expect(fields.manifest == ManifestNode(.mapping(mapping)), "built as it is written: \(mapping)")
                compared += 1
            } else {
                #expect(Self.repeatsAKey(.mapping(mapping)), "declined without a repeated key: \(mapping)")
                declined += 1
            }
        }
        #expect(compared > 3000)
    }

    /// Empty mappings and sequences, at the root, after a key and as items, are written as
    /// their manifests are (`{}`, `[]`).
    @Test func emptyContainersAreWrittenAsManifests() {
        struct Empty: FieldsWritable {
            func writeFields(to writer: inout FieldWriter) {}
        }
        struct Holder: FieldsWritable {
            func writeFields(to writer: inout FieldWriter) {
                writer.field("one", Empty())
                writer.field("list", [Empty(), Empty()])
                writer.field("strings", [String]())
                writer.field("labels", StringMap())
                writer.field("nothing", String?.none)
            }
        }
        #expect(Self.written(Empty()).map { String(decoding: $0, as: UTF8.self) } == "{}\n")
        #expect(
            Self.written(Holder()).map { String(decoding: $0, as: UTF8.self) }
                == "one: {}\nlist:\n- {}\n- {}\nstrings: []\nlabels: {}\n")
    }

    /// A value that writes a key twice is declined as text, so that its manifest (which keeps
    /// the last value) is written.
    @Test func aRepeatedKeyIsDeclined() {
        struct RepeatedKey: FieldsWritable {
            func writeFields(to writer: inout FieldWriter) {
                writer.field("a", 1)
                writer.field("b") { nested in nested.field("a", 1) }
                writer.field("a", 2)
            }
        }
        #expect(Self.written(RepeatedKey()) == nil)
        #expect(RepeatedKey().manifest == ["a": 2, "b": ["a": 1]], "the key keeps its first place and its last value")
    }
}
