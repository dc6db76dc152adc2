public import SMICore

/// The config-entry form of a rendering, as `consul config write` and `PUT /v1/config` take it
/// (Consul notes 2.1).
///
/// The same objects as the CRDs, with `Kind` and `Name` at the top, the Enterprise `Namespace`
/// and `Partition` beside them, and fields in UpperCamelCase.
///
/// It is derived from the CRD form, so the two can never disagree.
public struct ConsulConfigEntries: Sendable {
    /// The installation the entries are for.
    public let configuration: ConsulConfiguration

    /// Entries for `configuration`.
    public init(configuration: ConsulConfiguration) {
        self.configuration = configuration
    }

    /// Fields whose mapping keys are names chosen by the user (subset names), not field
    /// names: their keys are kept as written.
    static let keyedByName: Set<String> = ["subsets"]

    /// The config entry of one Consul CRD object; nil for any other object.
    public func entry(_ resource: ManifestNode) -> ManifestNode? {
        guard let object = resource.value.mappingValue,
            object["apiVersion"]?.value.stringValue == ConsulKinds.apiVersion,
            let kind = object["kind"]?.value.stringValue.flatMap({ ConsulKinds.configEntryKinds[$0] }),
            let spec = object["spec"]?.value.mappingValue
        else { return nil }
        let metadata = object["metadata"]?.value.mappingValue
        var name = metadata?["name"]?.value.stringValue ?? ""
        var namespace = (metadata?["namespace"]?.value.stringValue).flatMap(configuration.consulNamespace)
        var entries: [ManifestMapping.Entry] = []
        for entry in spec.entries {
            if kind == "service-intentions", entry.key.value.stringValue == "destination" {
                let destination = entry.value.value.mappingValue
                name = destination?["name"]?.value.stringValue ?? name
                namespace = destination?["namespace"]?.value.stringValue ?? namespace
                continue
            }
            entries.append(converted(entry))
        }
        var head = [
            ManifestMapping.Entry(key: Self.text("Kind"), value: Self.text(kind)),
            .init(key: Self.text("Name"), value: Self.text(name))
        ]
        if let namespace { head.append(.init(key: Self.text("Namespace"), value: Self.text(namespace))) }
        if let partition = configuration.partition {
            head.append(.init(key: Self.text("Partition"), value: Self.text(partition)))
        }
        return ManifestNode(.mapping(ManifestMapping(head + entries)))
    }

    /// The entries of every Consul object among `resources`, in their order.
    public func entries(_ resources: [ManifestNode]) -> [ManifestNode] {
        resources.compactMap(entry)
    }

    /// The entries as JSON, one indented document after another.
    public func json(_ resources: [ManifestNode]) throws(JSONWriter.Error) -> String {
        var out = ""
        for entry in entries(resources) {
            out += try JSONWriter(pretty: true).write(entry) + "\n"
        }
        return out
    }

    /// The entries as HCL, each headed by a `# Kind/Name` comment line (write each to its
    /// own file for `consul config write`).
    public func hcl(_ resources: [ManifestNode]) throws(HCLWriter.Error) -> String {
        var parts: [String] = []
        for entry in entries(resources) {
            let map = entry.value.mappingValue
            let heading = "# \(map?["Kind"]?.value.stringValue ?? "")/\(map?["Name"]?.value.stringValue ?? "")\n"
            parts.append(heading + (try HCLWriter().write(body: entry)))
        }
        return parts.joined(separator: "\n")
    }

    private func converted(_ entry: ManifestMapping.Entry) -> ManifestMapping.Entry {
        let key = entry.key.value.stringValue ?? ""
        let value = Self.keyedByName.contains(key) ? keepingKeys(entry.value) : converted(entry.value)
        return .init(key: Self.text(Self.fieldName(key)), value: value)
    }

    private func converted(_ node: ManifestNode) -> ManifestNode {
        switch node.value {
        case let .mapping(mapping): ManifestNode(.mapping(ManifestMapping(mapping.entries.map(converted))))
        case let .sequence(items): ManifestNode(.sequence(items.map(converted)))
        default: node
        }
    }

    /// A mapping keyed by names: the keys stay, the values are converted.
    private func keepingKeys(_ node: ManifestNode) -> ManifestNode {
        guard case let .mapping(mapping) = node.value else { return node }
        return ManifestNode(
            .mapping(
                ManifestMapping(mapping.entries.map { ManifestMapping.Entry(key: $0.key, value: converted($0.value)) }))
        )
    }

    /// The config-entry name of a CRD field: `http` is `HTTP`, others capitalised.
    static func fieldName(_ key: String) -> String {
        key == "http" ? "HTTP" : key.prefix(1).uppercased() + key.dropFirst()
    }

    private static func text(_ s: String) -> ManifestNode { ManifestNode(.string(s)) }
}

extension OutputFormat {
    /// Consul's config entries as JSON, as `consul config write` and `PUT /v1/config` take them.
    ///
    /// A file per entry with `smi render --output-dir`.
    public static let configEntriesJSON = OutputFormat(name: "entries-json", fileExtension: "json")
    /// Consul's config entries as HCL, as `consul config write` takes them.
    public static let configEntriesHCL = OutputFormat(name: "entries-hcl", fileExtension: "hcl")
}
