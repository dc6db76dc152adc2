/// The HTTP conditions of an intention permission or a router match (Consul notes 2.2, 2.6).
///
/// At most one path matcher, methods, and header matchers that must all hold.
///
/// swift-smi never writes `Invert`, `Contains` or `IgnoreCase`, whose meaning differs across
/// releases.
public struct ConsulHTTPMatch: Sendable, Hashable, Decodable {
    /// One header condition: exactly one of `present` and `regex` is set.
    public struct Header: Sendable, Hashable, Decodable {
        /// The header name, lower-case (`:method` for the pseudo-header).
        public var name: String
        /// The header occurs, whatever its value.
        public var present: Bool?
        /// An RE2 regex that must match the whole (comma-joined) value.
        public var regex: String?

        /// Creates a header condition.
        public init(name: String, present: Bool? = nil, regex: String? = nil) {
            self.name = name
            self.present = present
            self.regex = regex
        }
    }

    /// The path equals this.
    public var pathExact: String?
    /// The path starts with this (a plain string prefix).
    public var pathPrefix: String?
    /// An RE2 regex that must match the whole path.
    public var pathRegex: String?
    /// The method is one of these; absent means any.
    public var methods: [String]?
    /// Header conditions.
    public var header: [Header]?

    /// Creates a match.
    public init(
        pathExact: String? = nil, pathPrefix: String? = nil, pathRegex: String? = nil, methods: [String]? = nil,
        header: [Header]? = nil
    ) {
        self.pathExact = pathExact
        self.pathPrefix = pathPrefix
        self.pathRegex = pathRegex
        self.methods = methods
        self.header = header
    }

    /// The match every HTTP request meets (its `:method` is present), which a trailing deny
    /// permission uses.
    ///
    /// A path matcher would miss requests without an origin-form path.
    public static let everyRequest = ConsulHTTPMatch(header: [Header(name: ":method", present: true)])
}
