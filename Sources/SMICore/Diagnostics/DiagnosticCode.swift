/// The stable identifier of a diagnostic rule (`SMI1001`), with what it means.
///
/// Codes never change meaning, so scripts and `smi explain` can rely on them.
public struct DiagnosticCode: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The code, for example `SMI1001`.
    public let rawValue: String

    /// Creates a code from its text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The code.
    public var description: String { rawValue }

    /// The input is not well-formed YAML or JSON.
    public static let yamlSyntax = DiagnosticCode(rawValue: "SMI0001")
    /// A field has the wrong type or a required field is missing.
    ///
    /// A kube-apiserver would reject the object, so it is inert (notes D25).
    public static let schema = DiagnosticCode(rawValue: "SMI1001")
    /// A field that this kind and version do not have (notes D17).
    public static let unknownField = DiagnosticCode(rawValue: "SMI1002")
    /// An `apiVersion`/`kind` pair that SMI never released (notes D18).
    public static let unknownKind = DiagnosticCode(rawValue: "SMI1003")
    /// A quantity (a v1alpha1 weight, a metric value) that is not a valid Kubernetes
    /// quantity, or is out of range.
    public static let quantity = DiagnosticCode(rawValue: "SMI1004")
    /// An item of a Kubernetes list (`kind: List`) that is not an object.
    public static let listItem = DiagnosticCode(rawValue: "SMI1005")

    /// A conversion between versions that would lose or widen something, refused.
    public static let conversion = DiagnosticCode(rawValue: "SMI1101")

    /// An object without `metadata.namespace`, read as in `default` (notes D15).
    public static let defaultNamespace = DiagnosticCode(rawValue: "SMI1201")
    /// Two objects of one kind with the same namespace and name; the later one is used.
    public static let duplicateObject = DiagnosticCode(rawValue: "SMI1202")
    /// An input from which nothing is used: no SMI object and no workload.
    public static let nothingUsed = DiagnosticCode(rawValue: "SMI1203")

    /// A split weight below zero.
    public static let negativeWeight = DiagnosticCode(rawValue: "SMI2001")
    /// A split that cannot route: no backends, or every weight 0.
    public static let zeroWeights = DiagnosticCode(rawValue: "SMI2002")
    /// A backend listed twice.
    public static let duplicateBackend = DiagnosticCode(rawValue: "SMI2003")
    /// The root Service is also a backend.
    public static let backendIsRoot = DiagnosticCode(rawValue: "SMI2004")
    /// Two splits of one root Service.
    public static let duplicateRoot = DiagnosticCode(rawValue: "SMI2005")
    /// A root Service given as a host name, or not in the split's namespace.
    public static let rootService = DiagnosticCode(rawValue: "SMI2006")
    /// A TrafficTarget without rules or sources.
    public static let emptyTarget = DiagnosticCode(rawValue: "SMI2101")
    /// A subject that is not a ServiceAccount.
    public static let subjectKind = DiagnosticCode(rawValue: "SMI2102")
    /// A subject's namespace was defaulted, or differs from the target's.
    public static let subjectNamespace = DiagnosticCode(rawValue: "SMI2103")
    /// A reference to something that does not exist.
    public static let missingReference = DiagnosticCode(rawValue: "SMI2104")
    /// An empty matches list on a rule.
    public static let emptyMatches = DiagnosticCode(rawValue: "SMI2105")
    /// matches on a TCPRoute or UDPRoute rule.
    public static let routeRuleMatches = DiagnosticCode(rawValue: "SMI2106")
    /// A kind the CRD does not allow.
    public static let ruleKind = DiagnosticCode(rawValue: "SMI2107")
    /// TCPRoute and HTTPRouteGroup rules in one target.
    public static let mixedRules = DiagnosticCode(rawValue: "SMI2108")
    /// A reference between versions the SMI documents do not pair.
    public static let versionPairing = DiagnosticCode(rawValue: "SMI2109")
    /// A subject whose name or namespace no ServiceAccount can have (a `*`, upper case).
    public static let subjectName = DiagnosticCode(rawValue: "SMI2112")
    /// A source listed twice in one TrafficTarget.
    public static let duplicateSource = DiagnosticCode(rawValue: "SMI2110")
    /// A rule naming a match (or group) that exists but cannot be used.
    public static let unusableReference = DiagnosticCode(rawValue: "SMI2111")
    /// A repeated match name.
    public static let duplicateMatch = DiagnosticCode(rawValue: "SMI2201")
    /// A regex RE2 rejects.
    public static let invalidRegex = DiagnosticCode(rawValue: "SMI2202")
    /// An HTTP method the CRD does not allow.
    public static let invalidMethod = DiagnosticCode(rawValue: "SMI2203")
    /// A repeated header name in one match.
    public static let duplicateHeader = DiagnosticCode(rawValue: "SMI2204")
    /// A header list item with several names.
    public static let multiKeyHeaderItem = DiagnosticCode(rawValue: "SMI2205")
    /// A match that matches everything.
    public static let matchesEverything = DiagnosticCode(rawValue: "SMI2206")
    /// A path regex that can never match.
    public static let deadQueryMatch = DiagnosticCode(rawValue: "SMI2207")
    /// A method listed twice in one match.
    public static let repeatedMethod = DiagnosticCode(rawValue: "SMI2208")
    /// A header condition on a pseudo-header or `host`.
    public static let pseudoHeader = DiagnosticCode(rawValue: "SMI2209")
    /// An HTTPRouteGroup without matches, and every rule that uses it.
    public static let emptyGroup = DiagnosticCode(rawValue: "SMI2210")
    /// A plain integer written with a leading zero, which Kubernetes reads as octal.
    public static let octalInteger = DiagnosticCode(rawValue: "SMI2211")
    /// A port out of range.
    public static let portRange = DiagnosticCode(rawValue: "SMI2301")
    /// A name on route ports.
    public static let routeName = DiagnosticCode(rawValue: "SMI2302")
    /// An invalid object name.
    public static let invalidName = DiagnosticCode(rawValue: "SMI2401")
    /// A TrafficSplit an adapter does not render (it has errors).
    public static let splitNotRendered = DiagnosticCode(rawValue: "SMI2501")
    /// A TrafficSplit's ports: a backend without a root port, or a root not in the inventory.
    public static let splitPorts = DiagnosticCode(rawValue: "SMI2502")
    /// Two rendered resources with the same kind, namespace and name.
    public static let renderedNameTaken = DiagnosticCode(rawValue: "SMI2601")

    /// Control-plane namespaces that the deny scope would have closed, left alone.
    public static let controlPlaneLeftAlone = DiagnosticCode(rawValue: "SMI2701")
    /// A grant whose destination is in a control-plane namespace, refused.
    public static let controlPlaneGrant = DiagnosticCode(rawValue: "SMI2702")
    /// A destination whose pods (or granted ports) have no proxy: nothing is enforced there.
    public static let noProxy = DiagnosticCode(rawValue: "SMI2703")
    /// A destination whose proxy is assumed: the input does not hold what decides it.
    public static let proxyAssumed = DiagnosticCode(rawValue: "SMI2704")
    /// A workload in the deny-by-default scope that runs no proxy: nothing denies for it.
    public static let unprotectedWorkload = DiagnosticCode(rawValue: "SMI2705")
    /// A granted port the destination's pods do not receive on (notes D6).
    public static let portNotExposed = DiagnosticCode(rawValue: "SMI2706")
    /// A selector that holds pod template labels, which a release may change.
    public static let templateLabelSelector = DiagnosticCode(rawValue: "SMI2707")

    /// Every code with a one-line explanation, for `smi explain`.
    public static let catalogue: [DiagnosticCode: String] = [
        .yamlSyntax: "The input is not well-formed YAML or JSON; nothing in that document is used.",
        .schema:
            "A field has the wrong type or a required field is missing. A cluster would reject the object, so it grants and routes nothing.",
        .unknownField:
            "The field does not exist in this kind and version. Ignoring it could widen access, so it is an error.",
        .unknownKind: "The apiVersion and kind are not a released SMI pair; the message names the nearest one.",
        .quantity: "The value is not a valid Kubernetes quantity, or does not fit.",
        .listItem:
            "A list (what `kubectl get -o yaml` prints) is read as its items; an item that is not an object is skipped.",
        .nothingUsed:
            "The input holds no SMI object and no workload, Service or Namespace: nothing is rendered or checked. Kinds swift-smi does not use are passed over.",
        .defaultNamespace: "The object has no namespace; like kubectl, swift-smi reads it as in 'default'.",
        .duplicateObject:
            "Two objects share a kind, namespace and name; the later one replaces the earlier, as a second kubectl apply would.",
        .negativeWeight: "A TrafficSplit backend weight below 0 (notes D11); the split is not rendered.",
        .zeroWeights:
            "A TrafficSplit whose weights are all 0, or that has no backends, cannot route (D11); it is not rendered.",
        .duplicateBackend: "A Service listed twice as a backend of one split (D20); the split is not rendered.",
        .backendIsRoot:
            "The root Service is also a backend (D20): allowed, and its share goes to the root's own endpoints.",
        .duplicateRoot: "Two TrafficSplits for one root Service in one namespace (D21); nothing orders them.",
        .rootService:
            "A split's root is a Service in its own namespace (D19): `name.ns.svc` forms are read as `name`; other namespaces or host names are errors.",
        .emptyTarget: "A TrafficTarget without rules or sources grants nothing (D9).",
        .subjectKind: "A subject whose kind is not ServiceAccount matches nothing (D10).",
        .subjectNamespace:
            "A subject without a namespace is in the TrafficTarget's own (D15); a destination in another namespace is worth a look.",
        .missingReference:
            "A rule or split match names a route, group or match that does not exist (D7, D8); it grants or routes nothing.",
        .emptyMatches: "'matches: []' on a rule means every match of the group (D7).",
        .routeRuleMatches: "matches on a TCPRoute or UDPRoute rule have no meaning (D13); the rule grants nothing.",
        .ruleKind: "A rule or split match kind outside the CRD enum (D25): the object is invalid and has no effect.",
        .mixedRules: "TCPRoute rules beside HTTPRouteGroup rules narrow their ports; raw TCP is not granted (D5).",
        .versionPairing:
            "A TrafficTarget or TrafficSplit refers to a route of a version its documents do not pair it with (D22); references resolve on the canonical objects anyway.",
        .subjectName:
            "A subject's name or namespace is not a Kubernetes name (a '*', upper case): it matches no ServiceAccount, and is never written into a mesh identity, where '*' is a wildcard.",
        .duplicateSource:
            "A source listed twice in one TrafficTarget changes nothing; one of them is probably meant to be another.",
        .unusableReference:
            "A rule names a match that exists but cannot be used (its regex is not RE2, its name is ambiguous, it names a header twice) or a group that is invalid: the rule grants nothing for it.",
        .emptyGroup:
            "An HTTPRouteGroup with 'matches: []' has nothing to grant: every rule that uses it grants nothing.",
        .octalInteger:
            "A plain integer with a leading zero (010) is octal in the YAML 1.1 that Kubernetes reads: 010 is 8. Drop the zero if a decimal number is meant.",
        .duplicateMatch: "Two matches of one HTTPRouteGroup share a name (D16); rules naming it grant nothing.",
        .invalidRegex: "A pathRegex or header value that is not RE2 (D1, D3); the match grants nothing.",
        .invalidMethod: "A method outside the CRD enum (D2): the HTTPRouteGroup is invalid and grants nothing.",
        .duplicateHeader: "A header named twice in one match (D4); the match grants nothing.",
        .multiKeyHeaderItem:
            "A header list item with several names (D4): all are required, but the SDK rejects such items.",
        .matchesEverything: "A match with no path, methods or headers matches every HTTP request (D12).",
        .deadQueryMatch: "A pathRegex that needs a '?' can never match: the path excludes the query string (D1).",
        .repeatedMethod: "A method listed twice in one match is harmless (D2).",
        .pseudoHeader:
            "Whether pseudo-headers (:authority, :path) or host can be matched is undefined (D3); the condition may be unenforceable.",
        .portRange: "A port outside 1-65535 is ignored; a route left with no valid port grants nothing (D14).",
        .routeName: "A name on the ports of a TCPRoute or UDPRoute has no meaning (D13).",
        .invalidName: "An object name that is not a DNS-1123 subdomain.",
        .splitNotRendered:
            "A TrafficSplit with errors, or one of two for the same root, is not rendered: traffic to its root is not split (D21, D25).",
        .splitPorts:
            "A split backend without one of the root's ports gets none of that port's traffic (SMI's port rule); without the root Service in the inventory, routes cover every port.",
        .renderedNameTaken:
            "Two rendered resources would have the same kind, namespace and name (their names come from the SMI objects' names): applied together, the last would replace the others. An adapter that can, renders only the stricter one; the message says which. Rename the SMI object.",
        .controlPlaneLeftAlone:
            "The mesh's control-plane namespaces (Istio's root namespace, Linkerd's and its extensions', Consul's) get no policy, whatever --deny-scope says: a policy there governs the whole mesh or its controllers.",
        .controlPlaneGrant:
            "A TrafficTarget whose destination is in a control-plane namespace is not rendered: swift-smi never governs the mesh's own control plane.",
        .noProxy:
            "The destination's pods run no proxy (not injected, hostNetwork, or the granted port bypasses it): they accept every request, which SMI denies. Inject them, or remove the exclusion.",
        .portNotExposed:
            "A TCPRoute or destination port that the destination's pods do not receive on: SMI ports are the pods' own (D6), and a Service port whose targetPort differs (80 -> 8080) grants the Service's number, where nothing listens. List the container port.",
        .templateLabelSelector:
            "A workload's controller selector (spec.selector, immutable) also picks pods of another service account, so its policy's selector adds labels of its pod template: a release that changes them (a relabelled chart) leaves the new pods unselected, under the mesh's default. Give the workload a label of its own in spec.selector.",
        .unprotectedWorkload:
            "A workload of a namespace in the deny-by-default scope runs no proxy (or lets ports bypass it): SMI denies every request no TrafficTarget grants, but nothing enforces that there. Inject it, or leave its namespace out of the scope.",
        .proxyAssumed:
            "Whether the destination's pods run a proxy depends on their Namespace, which the input does not hold: they are assumed injected. Give the Namespace objects to be sure.",
        .conversion:
            "The object cannot be written in the asked version without losing or widening what it allows or routes, so the conversion is refused."
    ]
}
