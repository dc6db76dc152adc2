import SMICore
import Testing

/// HCL as `consul config write` reads it.
@Suite struct HCLWriterTests {
    @Test func writesAttributesObjectsAndTuples() throws {
        let node: ManifestNode = [
            "Kind": "service-splitter", "Weight": 33.34, "Whole": 50, "On": true,
            "Splits": [["Service": "v1"], []],
            "Subsets": ["api-v1": ["Filter": "Service.Meta.version == \"v1\""], "1st": [:]]
        ]
        #expect(
            try HCLWriter().write(body: node) == """
                Kind = "service-splitter"
                Weight = 33.34
                Whole = 50
                On = true
                Splits = [
                  {
                    Service = "v1"
                  },
                  [],
                ]
                Subsets = {
                  api-v1 = {
                    Filter = "Service.Meta.version == \\"v1\\""
                  }
                  "1st" = {}
                }

                """)
    }

    /// Escapes, and template sigils doubled so that no value is read as a template.
    @Test func escapesStrings() throws {
        let node: ManifestNode = ["Regex": "a\\d${x}%{y}\t\n\u{1}é"]
        #expect(try HCLWriter().write(body: node) == #"Regex = "a\\d$${x}%%{y}\t\n\u0001é""# + "\n")
    }

    @Test func refusesWhatHCLCannotHold() {
        #expect(throws: HCLWriter.Error.self) { try HCLWriter().write(body: ["x"]) }
        #expect(throws: HCLWriter.Error.self) { try HCLWriter().write(body: ["N": ManifestNode(.double(.nan))]) }
    }
}
