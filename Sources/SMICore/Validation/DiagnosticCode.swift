/// The stable identifier of a diagnostic rule (`SMI1001`), with what it means. Codes never
/// change meaning, so scripts and `smi explain` can rely on them.
public struct DiagnosticCode: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The code, e.g. `SMI1001`.
    public let rawValue: String

    /// Creates a code from its text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The code.
    public var description: String { rawValue }

    /// The input is not well-formed YAML or JSON.
    public static let yamlSyntax = DiagnosticCode(rawValue: "SMI0001")
    /// A field has the wrong type or a required field is missing: a kube-apiserver would
    /// reject the object, so it is inert (notes D25).
    public static let schema = DiagnosticCode(rawValue: "SMI1001")
    /// A field that this kind and version do not have (notes D17).
    public static let unknownField = DiagnosticCode(rawValue: "SMI1002")
    /// An `apiVersion`/`kind` pair that SMI never released (notes D18).
    public static let unknownKind = DiagnosticCode(rawValue: "SMI1003")
    /// A quantity (a v1alpha1 weight, a metric value) that is not a valid Kubernetes
    /// quantity, or is out of range.
    public static let quantity = DiagnosticCode(rawValue: "SMI1004")

    /// A conversion between versions that would lose or widen something, refused.
    public static let conversion = DiagnosticCode(rawValue: "SMI1101")

    /// An object without `metadata.namespace`, read as in `default` (notes D15).
    public static let defaultNamespace = DiagnosticCode(rawValue: "SMI1201")
    /// Two objects of one kind with the same namespace and name; the later one is used.
    public static let duplicateObject = DiagnosticCode(rawValue: "SMI1202")

    /// Every code with a one-line explanation, for `smi explain`.
    public static let catalogue: [DiagnosticCode: String] = [
        .yamlSyntax: "The input is not well-formed YAML or JSON; nothing in that document is used.",
        .schema: "A field has the wrong type or a required field is missing. A cluster would reject the object, so it grants and routes nothing.",
        .unknownField: "The field does not exist in this kind and version. Ignoring it could widen access, so it is an error.",
        .unknownKind: "The apiVersion and kind are not a released SMI pair; the message names the nearest one.",
        .quantity: "The value is not a valid Kubernetes quantity, or does not fit.",
        .defaultNamespace: "The object has no namespace; like kubectl, swift-smi reads it as in 'default'.",
        .duplicateObject: "Two objects share a kind, namespace and name; the later one replaces the earlier, as a second kubectl apply would.",
        .conversion: "The object cannot be written in the asked version without losing or widening what it allows or routes, so the conversion is refused.",
    ]
}
