/// Translates SMI objects into one service mesh's native resources.
///
/// Every adapter keeps this contract, and the shared conformance suite checks it:
/// - **Never more permissive than SMI.** A request that `SMIAccessModel` denies must be
///   denied by the mesh as configured by the rendering; traffic is never split in other
///   shares than `SMITrafficModel` gives.
/// - **Deterministic and pure.** The same bundle, inventory and options give byte-identical
///   output, whatever the order of the input; no I/O, clock or randomness.
/// - **Nothing dropped silently.** Every SMI field the mesh cannot express exactly is either
///   rendered stricter, with a warning saying so (an error in strict mode), or refused with an
///   error; an error only ever removes grants or routes, never adds them.
public protocol MeshAdapter: Sendable {
    /// The mesh's name as `smi render --mesh` takes it (`istio`).
    var mesh: String { get }
    /// What the mesh can and cannot express, for `smi explain`.
    var capabilities: Capabilities { get }
    /// Renders `bundle` for the workloads of `inventory`.
    func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering
    /// The formats `smi render -o` offers for this mesh, the default first: `yaml` and `json`
    /// (the resources), and whatever other form the mesh's own tools take.
    var outputFormats: [String] { get }
    /// The rendering's resources as text in one of `outputFormats`.
    func text(of rendering: Rendering, format: String) throws -> String
}

extension MeshAdapter {
    /// `yaml` and `json`.
    public var outputFormats: [String] { ["yaml", "json"] }

    /// The resources as YAML documents, or as JSON one per line.
    public func text(of rendering: Rendering, format: String) throws -> String {
        format == "json" ? try rendering.json() : rendering.yaml()
    }
}

/// A machine-readable table of how a mesh renders each SMI feature.
public struct Capabilities: Sendable, Equatable {
    /// How a feature is rendered.
    public enum Support: String, Sendable, Equatable {
        /// Exactly as SMI means it.
        case exact
        /// Stricter than SMI (some requests SMI allows are denied), with a warning.
        case stricter
        /// Not rendered; an error.
        case refused
    }

    /// One SMI feature and how the mesh renders it.
    public struct Feature: Sendable, Equatable {
        /// The SMI field or behaviour, e.g. `HTTPRouteGroup.spec.matches[].pathRegex`.
        public var feature: String
        /// How it is rendered.
        public var support: Support
        /// Why, in one sentence.
        public var reason: String

        /// Creates a row.
        public init(_ feature: String, _ support: Support, _ reason: String) {
            self.feature = feature
            self.support = support
            self.reason = reason
        }
    }

    /// The rows, in a stable order.
    public var features: [Feature]

    /// Creates a table.
    public init(_ features: [Feature]) {
        self.features = features
    }
}
