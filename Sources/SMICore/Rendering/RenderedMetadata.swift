/// The metadata every emitted object carries.
///
/// A name with the options' prefix (shortened to a DNS label when needed),
/// `app.kubernetes.io/managed-by: smi`, the options' extra labels, and an annotation naming the
/// SMI objects it was rendered from.
public enum RenderedMetadata {
    /// The label that marks objects swift-smi manages.
    public static let managedBy = Inventory.renderedLabel
    /// The annotation that names the SMI sources.
    public static let sourceAnnotation = "smi-spec.io/source"

    /// The labels of every emitted object without extra labels: one value, whose storage the
    /// objects share (a mesh renders hundreds of thousands of them).
    private static let managedByLabels: StringMap = [managedBy.key: managedBy.value]

    /// The name an emitted object called `name` gets: the options' prefix, shortened to a DNS
    /// label when needed.
    ///
    /// What one resource refers to another by.
    public static func name(_ name: String, options: RenderOptions) -> String {
        DNSName.shortened(options.namePrefix + name)
    }

    /// The name (before the prefix) of an object rendered from the SMI object `key` into
    /// `namespace`.
    ///
    /// Its own name when that is its namespace, else its name with a stable hash of its
    /// namespace and name (`x-3f2a9c01`), so that objects of one name from two namespaces (two
    /// TrafficTargets `a/x` and `b/x` whose destination is in `c`) never take one name and
    /// replace each other when applied.
    public static func objectName(for key: SMIBundle.Key, in namespace: String) -> String {
        key.namespace == namespace ? key.name : "\(key.name)-\(DNSName.hash("\(key.namespace)/\(key.name)"))"
    }

    /// Metadata for an emitted object named `name` in `namespace`, rendered from `sources`.
    public static func make(name: String, namespace: String?, sources: [Diagnostic.Object], options: RenderOptions)
        -> ObjectMeta
    {
        var labels = managedByLabels
        for (key, value) in options.extraLabels { labels[key] = value }
        // Most objects come from one SMI object: its description is the annotation as is.
        let names = sources.count == 1 ? [sources[0].description] : Set(sources.map(\.description)).sorted()
        return ObjectMeta(
            name: Self.name(name, options: options), namespace: namespace, labels: labels,
            annotations: names.isEmpty
                ? nil : [sourceAnnotation: names.count == 1 ? names[0] : names.joined(separator: ", ")])
    }
}
