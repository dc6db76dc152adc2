import ConsulAdapter
import Foundation
import IstioAdapter
import LinkerdAdapter
import SMICore
import SMITestSupport
import Testing

/// `RenderOptions.rendersSplits` off (another adapter routes the splits): every mesh adapter
/// leaves its split resources out and still renders access control.
@Suite struct RendersSplitsTests {
    static let splitKinds: Set = [
        "VirtualService", "DestinationRule", "ServiceSplitter", "ServiceRouter", "ServiceResolver"
    ]

    @Test(arguments: [
        IstioAdapter() as any MeshAdapter, LinkerdAdapter() as any MeshAdapter,
        ConsulAdapter(configuration: ConsulConfiguration(injectedByDefault: true)) as any MeshAdapter
    ])
    func meshAdaptersLeaveSplitsToAnotherAdapter(adapter: any MeshAdapter) throws {
        let folder = SharedReference.packageRoot.appendingPathComponent("Examples/shop")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        let sources = try files.map {
            SMIInput.Source(name: $0, bytes: Array(try Data(contentsOf: folder.appendingPathComponent($0))))
        }
        var options = RenderOptions()
        let all = SMITranslation(sources, adapter: adapter, options: options).rendering.resources
        options.rendersSplits = false
        let accessOnly = SMITranslation(sources, adapter: adapter, options: options).rendering.resources
        func isSplit(_ node: ManifestNode) -> Bool {
            let kind = node.node(at: "kind")?.value.stringValue ?? ""
            let serviceParent = node.node(at: "spec.parentRefs[0].kind")?.value.stringValue == "Service"
            return Self.splitKinds.contains(kind) || (kind == "HTTPRoute" && serviceParent)
        }
        #expect(all.contains(where: isSplit), "\(adapter.mesh) renders the shop's split")
        #expect(!accessOnly.contains(where: isSplit))
        #expect(accessOnly.count == all.filter { !isSplit($0) }.count)
    }
}
