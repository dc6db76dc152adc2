@testable import SMICore
import SMITestSupport
import Testing

/// Which documents are SMI is asked of every document; ASCII apiVersions are read as bytes,
/// which must decide as the character reading does.
@Suite struct SMIKindsTests {
    @Test func readingBytesDecidesAsTheCharactersDo() {
        let pieces = [
            "/", "//", "smi-spec.io", "access.smi-spec.io", "spec.io", "smi", "-", "v1alpha3", "v1", "x", "é", "io", "."
        ]
        let kinds = ["TrafficTarget", "Deployment", "", "TCPRoute"]
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<20000 {
            let apiVersion = (0..<Int(rng.next() % 6)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                .joined()
            let kind = kinds[Int(rng.next() % UInt64(kinds.count))]
            #expect(
                SMIKinds.isSMI(apiVersion: apiVersion, kind: kind)
                    == SMIKinds.isSMIReadingCharacters(apiVersion: apiVersion, kind: kind), "\(apiVersion) \(kind)")
        }
        #expect(SMIKinds.isSMI(apiVersion: "split.smi-spec.io/v1alpha4", kind: "TrafficSplit"))
        #expect(SMIKinds.isSMI(apiVersion: "v1", kind: "TrafficSplit"))
        #expect(!SMIKinds.isSMI(apiVersion: "apps/v1", kind: "Deployment"))
    }
}
