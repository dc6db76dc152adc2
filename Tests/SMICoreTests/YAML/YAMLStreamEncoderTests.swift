@testable import SMICore
import SMITestSupport
import Testing

/// Writing a value as it encodes must give exactly what writing its manifest gives, and a
/// value that does not encode in order must be left to the manifest path untouched.
@Suite struct YAMLStreamEncoderTests {
    /// A value that encodes itself through containers, as typed resources do: keyed and
    /// unkeyed containers, nested containers taken from their parent, scalars through
    /// single-value containers, and manifest nodes.
    struct Shape: Encodable {
        var value: ManifestValue
        /// Chooses, from the value's own hash, how each part is encoded.
        var style: UInt64

        private func child(_ v: ManifestValue, _ i: Int) -> Shape {
            Shape(value: v, style: style &* 6364136223846793005 &+ UInt64(i + 1))
        }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case let .mapping(m):
                var c = encoder.container(keyedBy: ManifestCodingKey.self)
                for (i, entry) in m.entries.enumerated() {
                    let key = ManifestCodingKey(stringValue: entry.key.value.stringValue ?? "\(entry.key.value)")
                    let part = child(entry.value.value, i)
                    switch (part.style % 4, entry.value.value) {
                    case (0, .mapping): try part.encodeEntries(into: c.nestedContainer(keyedBy: ManifestCodingKey.self, forKey: key))
                    case (0, .sequence): try part.encodeItems(into: c.nestedUnkeyedContainer(forKey: key))
                    case (1, _): try c.encode(entry.value, forKey: key)
                    case (2, .string(let s)): try c.encode(s, forKey: key)
                    case (2, .int(let n)): try c.encode(n, forKey: key)
                    case (2, .null): try c.encodeNil(forKey: key)
                    default: try c.encode(part, forKey: key)
                    }
                }
            case .sequence:
                try encodeItems(into: encoder.unkeyedContainer())
            default:
                // Scalars through a single-value container, as `ManifestNode` encodes them.
                try ManifestNode(value).encode(to: encoder)
            }
        }

        private func encodeEntries(into container: KeyedEncodingContainer<ManifestCodingKey>) throws {
            var c = container
            for (i, entry) in (value.mappingValue?.entries ?? []).enumerated() {
                try c.encode(child(entry.value.value, i), forKey: ManifestCodingKey(stringValue: entry.key.value.stringValue ?? "\(entry.key.value)"))
            }
        }

        private func encodeItems(into container: any UnkeyedEncodingContainer) throws {
            var c = container
            for (i, item) in (value.sequenceValue ?? []).enumerated() {
                let part = child(item.value, i)
                switch (part.style % 3, item.value) {
                case (0, .mapping): try part.encodeEntries(into: c.nestedContainer(keyedBy: ManifestCodingKey.self))
                case (0, .sequence): try part.encodeItems(into: c.nestedUnkeyedContainer())
                case (1, _): try c.encode(item)
                default: try c.encode(part)
                }
            }
        }
    }

    static func manifestPath(_ value: some Encodable) -> [UInt8]? {
        guard let node = try? ManifestEncoder().encode(value) else { return nil }
        var out = OutputBuffer(capacity: 0)
        YAMLWriter().writeRoot(node.value, into: &out)
        return out.bytes
    }

    /// What the stream encoder appends after a prefix, or nil when it declines (having
    /// left the prefix as it was).
    static func streamed(_ value: some Encodable) -> [UInt8]? {
        var out = OutputBuffer(capacity: 0)
        out.append("prefix\n")
        let written = YAMLStreamEncoder.write(value, into: &out)
        #expect(Array(out.bytes.prefix(7)) == Array("prefix\n".utf8))
        if !written { #expect(out.bytes.count == 7, "a declined value leaves the output as it was") }
        return written ? Array(out.bytes.dropFirst(7)) : nil
    }

    @Test func randomValuesAreWrittenAsTheirManifestsAre() {
        var rng = SeededGenerator(seed: 71)
        var compared = 0
        for _ in 0..<4000 {
            let shape = Shape(value: TrickyValues.value(&rng, depth: 5, finiteOnly: rng.next() % 2 == 0), style: rng.next())
            let expected = Self.manifestPath(shape)
            let got = Self.streamed(shape)
            #expect(got == expected, "\(shape.value)")
            if got != nil { compared += 1 }
        }
        #expect(compared == 4000)
    }

    /// A value that asks its encoder for a container twice writes one mapping; one that
    /// writes nothing, or leaves a super encoder unused, writes an empty mapping.
    @Test func containersAskedForTwiceAndEmptyValuesAreWrittenAsManifests() {
        struct Twice: Encodable {
            enum A: CodingKey { case a }
            enum B: CodingKey { case b }
            func encode(to encoder: any Encoder) throws {
                var a = encoder.container(keyedBy: A.self)
                try a.encode(1, forKey: .a)
                var b = encoder.container(keyedBy: B.self)
                try b.encode([String](), forKey: .b)
            }
        }
        struct Nothing: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
        struct UnusedSuper: Encodable {
            enum K: CodingKey { case x, y }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                _ = c.superEncoder(forKey: .x)
                try c.encode(Nothing(), forKey: .y)
            }
        }
        struct Holder<T: Encodable>: Encodable {
            var list: [T]
            var one: T
        }
        #expect(Self.streamed(Twice()) == Self.manifestPath(Twice()))
        #expect(Self.streamed(Twice()).map { String(decoding: $0, as: UTF8.self) } == "a: 1\nb: []\n")
        #expect(Self.streamed(Nothing()) == Array("{}\n".utf8))
        #expect(Self.streamed(UnusedSuper()) == Self.manifestPath(UnusedSuper()))
        #expect(Self.streamed(Holder(list: [Nothing(), Nothing()], one: Nothing())) == Self.manifestPath(Holder(list: [Nothing(), Nothing()], one: Nothing())))
        #expect(Self.streamed(Holder(list: [Twice()], one: Twice())) == Self.manifestPath(Holder(list: [Twice()], one: Twice())))
    }

    /// Values that go back to a container they left, repeat a key, write a value twice or
    /// throw are declined, so that the manifest path (which handles them) writes them.
    @Test func valuesThatDoNotEncodeInOrderAreDeclined() {
        struct RepeatedKey: Encodable {
            enum K: CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(1, forKey: .a)
                try c.encode(2, forKey: .a)
            }
        }
        struct BackToChild: Encodable {
            enum K: CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                var child = c.nestedContainer(keyedBy: K.self, forKey: .a)
                try child.encode(1, forKey: .a)
                try c.encode(2, forKey: .b)
                try child.encode(3, forKey: .b)
            }
        }
        struct TwoValues: Encodable {
            func encode(to encoder: any Encoder) throws {
                var c = encoder.singleValueContainer()
                try c.encode(1)
                try c.encode("two")
            }
        }
        struct ValueThenContainer: Encodable {
            enum K: CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var single = encoder.singleValueContainer()
                try single.encode(1)
                var c = encoder.container(keyedBy: K.self)
                try c.encode(2, forKey: .a)
            }
        }
        struct TooLarge: Encodable {
            var n = UInt64.max
        }
        #expect(Self.streamed(RepeatedKey()) == nil)
        #expect(Self.manifestPath(RepeatedKey()).map { String(decoding: $0, as: UTF8.self) } == "a: 2\n")
        #expect(Self.streamed(BackToChild()) == nil)
        #expect(Self.manifestPath(BackToChild()).map { String(decoding: $0, as: UTF8.self) } == "a:\n  a: 1\n  b: 3\nb: 2\n")
        #expect(Self.streamed(TwoValues()) == nil)
        #expect(Self.streamed(ValueThenContainer()) == nil)
        #expect(Self.streamed(TooLarge()) == nil)
        #expect(Self.manifestPath(TooLarge()) == nil)
    }
}
