import SMICore
import SMITestSupport
import Testing

@Suite struct JSONWriterTests {
    let value: ManifestNode = [
        "kind": "Service", "ports": [80, 1.5, true, nil], "meta": ["a": "x\"y\n"], "empty": [:], "list": []
    ]

    @Test func compactIsOneLine() throws {
        #expect(
            try JSONWriter().write(value)
                == #"{"kind":"Service","ports":[80,1.5,true,null],"meta":{"a":"x\"y\n"},"empty":{},"list":[]}"#)
    }

    @Test func prettyIndentsByTwo() throws {
        let expected = """
            {
              "kind": "Service",
              "ports": [
                80,
                1.5,
                true,
                null
              ],
              "meta": {
                "a": "x\\"y\\n"
              },
              "empty": {},
              "list": []
            }
            """
        #expect(try JSONWriter(pretty: true).write(value) == expected)
    }

    @Test func escapesWhatJSONAndYAMLForbidRaw() throws {
        #expect(
            try JSONWriter().write(ManifestNode(.string("\u{1}\u{7F}\u{85}\u{FEFF}\té")))
                == #""\u0001\u007F\u0085\uFEFF\té""#)
    }

    @Test func scalarKeysBecomeStrings() throws {
        let m = ManifestMapping([
            (ManifestNode(.int(80)), "a"), (ManifestNode(.bool(true)), "b"), (ManifestNode(.null), "c")
        ])
        #expect(try JSONWriter().write(ManifestNode(.mapping(m))) == #"{"80":"a","true":"b","null":"c"}"#)
    }

    @Test func refusesWhatJSONCannotSay() {
        #expect(throws: JSONWriter.Error.self) { try JSONWriter().write(ManifestNode(.double(.infinity))) }
        let m = ManifestMapping([(["a"], "b")])
        #expect(throws: JSONWriter.Error.self) { try JSONWriter().write(ManifestNode(.mapping(m))) }
    }

    @Test func outputReadsBackThroughTheYAMLReader() throws {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            let v = ManifestNode(TrickyValues.value(&rng, depth: 4, finiteOnly: true))
            let text = try JSONWriter().write(v)
            #expect(try YAMLReader(schema: .core).readSingle(text) == v, "\(text)")
            let pretty = try JSONWriter(pretty: true).write(v)
            #expect(try YAMLReader(schema: .kubernetes).readSingle(pretty) == v, "\(pretty)")
        }
    }
}
