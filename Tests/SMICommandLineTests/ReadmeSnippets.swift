import IstioAdapter
import SMICore

/// The README's Swift snippets, verbatim (`ReadmeTests` checks that each of their paragraphs
/// is here), inside functions so that they compile and run.
enum ReadmeSnippets {
    /// "Build SMI objects in code and render them in one call".
    static func codeFirst() throws -> Rendering {
        let bundle = try SMIBundle {
            SMI.TrafficSplit("api-canary", namespace: "shop", service: "api", backends: ["api-v1": 90, "api-v2": 10])
            SMI.HTTPRouteGroup(
                "catalogue", namespace: "shop",
                matches: [.init(name: "browse", pathRegex: "/products", methods: ["GET"])])
            SMI.TrafficTarget(
                "web-to-api", namespace: "shop", destination: "api", sources: ["web"],
                rules: [.httpRouteGroup("catalogue", matches: ["browse"])])
        }
        let api = Inventory.Workload(
            kind: "Deployment", namespace: "shop", name: "api", serviceAccount: "api",
            podLabels: ["app": "api"], ports: [.init(port: 8080)])
        let rendering = IstioAdapter().render(bundle, inventory: Inventory(workloads: [api]))
        print(rendering.yaml())  // a VirtualService, an allow-nothing and an ALLOW AuthorizationPolicy
        return rendering
    }

    /// "Or read manifests, as a controller would on every reconcile".
    static func reconcile(manifestText: String, apply: ([ManifestNode]) -> Void) {
        let translation = SMITranslation(
            yaml: manifestText, file: "app.yaml", adapter: IstioAdapter(), options: RenderOptions(strict: true))
        for diagnostic in translation.diagnostics { print(diagnostic) }  // reading, validation, rendering
        if !translation.hasErrors { apply(translation.rendering.resources) }  // sorted ManifestNodes; or .yaml()
    }

    /// "At mesh scale, `SMIInput` reads, decodes and indexes in one pass".
    static func meshScale(meshBytes: [UInt8], write: (UnsafeBufferPointer<UInt8>) -> Void) -> [Diagnostic] {
        let input = SMIInput([.init(name: "mesh.yaml", bytes: meshBytes)])  // read, decoded, indexed
        let translation = SMITranslation(input, adapter: IstioAdapter())  // diagnostics located and sorted
        translation.rendering.writeYAML { chunk in write(chunk) }  // sorted, a batch at a time
        return translation.diagnostics
    }

    /// "The YAML layer stands on its own".
    static func yamlLayer(manifestText: String) throws -> String {
        struct Backend: Codable {
            var service: String
            var weight: Int
        }

        let documents = try YAMLReader().read(manifestText, file: "split.yaml")  // [ManifestDocument]
        let spec = documents[0].root.node(at: "spec.backends[0]") ?? ManifestNode(.null)  // null fails to decode
        let backend = try ManifestDecoder(rejectsUnknownKeys: true).decode(Backend.self, from: spec)
        let yaml = YAMLWriter().write(try ManifestEncoder().encode(backend))  // "service: web-v1\nweight: 90\n"
        return yaml
    }
}
