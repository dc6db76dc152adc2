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

    /// C escapes, and `%{` as it is: HCL 1 has no templates, and no `%%{` escape either.
    @Test func escapesStrings() throws {
        let node: ManifestNode = ["Regex": "a\\d$x%{y}\t\n\u{1}é"]
        #expect(try HCLWriter().write(body: node) == #"Regex = "a\\d$x%{y}\t\n\u0001é""# + "\n")
    }

    /// `${` opens an interpolation in HCL 1, which keeps no escape for it: refused.
    @Test func refusesWhatHCLCannotHold() {
        #expect(throws: HCLWriter.Error.self) { try HCLWriter().write(body: ["Regex": "/a${1}"]) }
        #expect(throws: HCLWriter.Error.self) { try HCLWriter().write(body: ["x"]) }
        #expect(throws: HCLWriter.Error.self) { try HCLWriter().write(body: ["N": ManifestNode(.double(.nan))]) }
    }
}
