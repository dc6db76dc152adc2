import SMICore
import SMITestSupport
import Testing

private struct Backend: Codable, Equatable {
    var service: String
    var weight: Int
}

private struct Spec: Codable, Equatable {
    var service: String
    var backends: [Backend]
    var weights: [Quantity]?
}

/// `decodeCollectingErrors` reports every problem of a value in one pass, as `kubectl apply`
/// reports every field error of an object, and gives the value only when there is none.
@Suite struct ManifestDecoderRecoveryTests {
    @Test func everyMismatchMissingFieldAndUnknownKeyIsReportedInDocumentOrder() throws {
        let marked = MarkedText(
            """
            service: ⚑[web]
            backends:
            - ⚑{}
            - service: a
              weight: ⚑0.5
              ⚑extra: 1
            - ⚑weigth: 3
            weights: [1, ⚑1x, ⚑0.5]
            """)
        let node = try YAMLReader().readSingle(marked.text)
        let (value, errors) = ManifestDecoder(rejectsUnknownKeys: true).decodeCollectingErrors(Spec.self, from: node)
        #expect(value == nil)
        #expect(
            errors.map(\.path.description) == [
                "service", "backends[0].service", "backends[0].weight", "backends[1].weight", "backends[1].extra",
                "backends[2].service", "backends[2].weight", "weights[1]", "weights[2]"
            ])
        #expect(errors.map(\.message)[0] == "expected a string, found a sequence")
        #expect(errors.map(\.message)[1] == "missing required field")
        #expect(errors.map(\.message)[4] == "unknown field 'extra'")
        // The misspelled key is named once, by the field it probably means.
        #expect(errors.map(\.message)[6] == "missing required field; unknown field 'weigth' may be a misspelling of it")
        let locations = errors.map(\.location)
        #expect(
            locations == [
                marked.locations[0], marked.locations[1], marked.locations[1], marked.locations[2], marked.locations[3],
                marked.locations[4], marked.locations[4], marked.locations[5], marked.locations[6]
            ])
    }

    @Test func aValueWithoutErrorsIsReturnedAsDecodeReturnsIt() throws {
        let node = try YAMLReader().readSingle("service: web\nbackends: [{service: a, weight: 1}]\nweights: [500m]\n")
        let (value, errors) = ManifestDecoder(rejectsUnknownKeys: true).decodeCollectingErrors(Spec.self, from: node)
        #expect(errors.isEmpty)
        #expect(value == (try ManifestDecoder(rejectsUnknownKeys: true).decode(Spec.self, from: node)))
    }

    /// The first error `decode` throws is the first one collected (same path and message).
    @Test(arguments: [
        "service: 1\nbackends: []\n", "backends: []\n", "service: a\nbackends: [{service: b}]\n",
        "service: a\nbackends: 3\n"
    ])
    func theFirstCollectedErrorIsTheOneDecodeThrows(text: String) throws {
        let node = try YAMLReader().readSingle(text)
        let thrown = #expect(throws: ManifestDecodingError.self) { try ManifestDecoder().decode(Spec.self, from: node) }
        #expect(ManifestDecoder().decodeCollectingErrors(Spec.self, from: node).errors.first == thrown)
    }
}
