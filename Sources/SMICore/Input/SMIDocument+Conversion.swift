extension SMIDocument {
    /// The document's object in the newest version of its kind, or `nil` when it is invalid or
    /// cannot be converted losslessly.
    ///
    /// An error diagnostic then points at the field that prevents it; converting must never
    /// widen the object.
    public func canonical() -> (object: CanonicalSMIObject?, diagnostics: [Diagnostic]) {
        guard case let .smi(object) = content else { return (nil, []) }
        switch SMIConversion.canonical(object) {
        case let .success(canonical): return (canonical, [])
        case let .failure(problem): return (nil, [diagnostic(for: problem)])
        }
    }

    /// The document's object written in `apiVersion`, or `nil` with a diagnostic.
    public func converted(to apiVersion: String) -> (object: SMIObject?, diagnostics: [Diagnostic]) {
        let (canonical, diagnostics) = canonical()
        guard let canonical else { return (nil, diagnostics) }
        switch SMIConversion.convert(canonical, to: apiVersion) {
        case let .success(object): return (object, [])
        case let .failure(problem): return (nil, [diagnostic(for: problem)])
        }
    }

    /// A conversion problem as a diagnostic at the field in this document's source, or at
    /// the nearest enclosing node that exists.
    private func diagnostic(for problem: ConversionProblem) -> Diagnostic {
        Diagnostic(.error, problem.code, problem.message, object: object, path: problem.path, in: source)
    }
}
