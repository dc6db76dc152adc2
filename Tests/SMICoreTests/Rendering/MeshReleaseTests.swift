import SMICore
import Testing

/// Releases read once and compared as numbers, patch included.
@Suite struct MeshReleaseTests {
    @Test func readsMajorMinorAndPatch() {
        #expect(MeshRelease("1.14") == MeshRelease(1, 14))
        #expect(MeshRelease("1.20.1") == MeshRelease(1, 20, 1))
        #expect(MeshRelease("1.20.1")?.description == "1.20.1")
        #expect(MeshRelease("2.15.0")?.description == "2.15")
        for text in ["latest", "1", "1.", ".1", "1.2.3.4", "+1.2", "1.-2", "v1.2", " 1.2", "1.2a"] {
            #expect(MeshRelease(text) == nil, "\(text)")
        }
    }

    @Test func comparesAsNumbers() {
        #expect(MeshRelease(1, 9) < MeshRelease(1, 14))
        #expect(MeshRelease(1, 20) < MeshRelease(1, 20, 1))
        #expect(!(MeshRelease(1, 20, 1) < MeshRelease(1, 20, 1)))
        var options = RenderOptions()
        #expect(!options.targetsBefore(1, 20, 1))
        options.release = MeshRelease(1, 20)
        #expect(options.targetsBefore(1, 20, 1) && !options.targetsBefore(1, 20))
    }
}
