/// Why an object cannot be converted to a version without losing or widening something:
/// which field, and what would change.
public struct ConversionProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What would be lost or widened, for example `UDPRoute rules do not exist before v1alpha3`.
    public var message: String
    /// The field that cannot be converted.
    public var path: FieldPath
    /// The code it is reported with.
    ///
    /// `conversion`, or the rule the object breaks in its own version (a value outside its
    /// CRD's enum).
    public var code: DiagnosticCode

    /// Creates a problem.
    public init(_ message: String, at path: FieldPath, code: DiagnosticCode = .conversion) {
        self.message = message
        self.path = path
        self.code = code
    }

    /// `path: message`.
    public var description: String { path.components.isEmpty ? message : "\(path): \(message)" }
}
