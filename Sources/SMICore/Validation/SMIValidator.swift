/// Checks what the CRDs leave to implementations (notes section 10 and D2-D21).
///
/// Every finding is a diagnostic at the field as written in the manifest.
///
/// Validation never changes the bundle; the access model already gives invalid parts no effect.
public struct SMIValidator: Sendable {
    /// Creates a validator.
    public init() {}

    /// Every finding about the objects of `bundle`, after its own diagnostics, sorted by
    /// file and position.
    ///
    /// About a bundle that `SMIInput` read, the findings point at their documents until
    /// `SMIInput.located(_:)` finds their fields (no validation reads its input again).
    public func validate(_ bundle: SMIBundle) -> [Diagnostic] {
        // The splits first: rendering asks for their findings too (`renderAndValidate` runs
        // both at once), and finds them made.
        var out = bundle.diagnostics + splitChecks(bundle).findings
        // Each target and route is checked on its own, so they are checked on all cores.
        out += Self.each(bundle.trafficTargets) { validateTarget($0, bundle, &$1, &$2) }
        out += Self.each(Array(bundle.httpRouteGroups.values)) { validateGroup($0, &$1, &$2) }
        out += Self.each(Array(bundle.tcpRoutes.values)) { item, out, _ in validatePorts(item, &out) }
        out += Self.each(Array(bundle.udpRoutes.values)) { item, out, _ in validatePorts(item, &out) }
        return out.sortedByPlace()
    }

    /// The findings of `check` about each item (in no particular order: `validate` sorts them).
    ///
    /// Items are checked a chunk at a time on all cores, each chunk with its own patterns.
    private static func each<Item: Sendable>(
        _ items: [Item], _ check: @Sendable (Item, inout [Diagnostic], inout Patterns) -> Void
    ) -> [Diagnostic] {
        Parallel.chunks(of: items.count, minimumChunk: 256) { range in
            var found: [Diagnostic] = []
            var patterns = Patterns()
            // By index: each item is lent to the check, not copied out of the array.
            for index in range { check(items[index], &found, &patterns) }
            return found
        }.flatMap { $0 }
    }

    /// What validation needs of each regular expression, worked out once per pattern: route
    /// groups of a mesh repeat the same few.
    private struct Patterns {
        private var compiled: [String: Result<RE2Regex, RE2Error>] = [:]

        /// `pattern` compiled, or why it is not RE2.
        mutating func regex(_ pattern: String) -> Result<RE2Regex, RE2Error> {
            if let known = compiled[pattern] { return known }
            let result = Result { () throws(RE2Error) in try RE2Regex(pattern) }
            compiled[pattern] = result
            return result
        }
    }

    /// The findings about the TrafficSplits alone, and which splits have errors (what the
    /// traffic model needs); worked out once per bundle.
    package func splitChecks(_ bundle: SMIBundle) -> SMIBundle.SplitChecks {
        bundle.memo.splitChecks {
            var checks = SMIBundle.SplitChecks()
            var roots: [SMIBundle.Key: SMIBundle.Key] = [:]
            roots.reserveCapacity(bundle.trafficSplits.count)
            for item in bundle.trafficSplits {
                let before = checks.findings.count
                validateSplit(item, bundle, &roots, &checks.findings)
                if checks.findings[before...].contains(where: { $0.severity == .error }) {
                    checks.withErrors.insert(item.key)
                }
            }
            return checks
        }
    }

    // MARK: - Reporting at the manifest's own field

    /// A diagnostic about `document` at `path`, a path in the canonical layout, reported as
    /// the manifest writes it (v1alpha1 TrafficTargets have `specs`, older route groups
    /// `matches` at the top).
    private func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String,
        _ document: SMIDocument, _ path: FieldPath, into out: inout [Diagnostic]
    ) {
        let written = Self.writtenPath(path, in: document)
        out.append(Diagnostic(severity, code, message, object: document.object, path: written, in: document.source))
    }

    static func writtenPath(_ path: FieldPath, in document: SMIDocument) -> FieldPath {
        guard path.components.first == .key("spec") else { return path }
        var components = Array(path.components.dropFirst())
        switch (document.apiVersion, document.object?.kind) {
        case (Access.V1Alpha1.apiVersion, "TrafficTarget"):
            if components.first == .key("rules") { components[0] = .key("specs") }
        case (Specs.V1Alpha1.apiVersion, "HTTPRouteGroup"), (Specs.V1Alpha2.apiVersion, "HTTPRouteGroup"):
            break
        default:
            return path
        }
        return FieldPath(components)
    }

    // MARK: - TrafficTarget

    private func validateTarget(
        _ item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>, _ bundle: SMIBundle, _ out: inout [Diagnostic],
        _ patterns: inout Patterns
    ) {
        let target = item.object
        let document = item.origin
        validateName(item.key.name, document, &out)
        let isV1Alpha3 = document.apiVersion == Access.V1Alpha3.apiVersion
        if target.spec.rules.isEmpty {
            report(
                isV1Alpha3 ? .error : .warning, .emptyTarget, "a TrafficTarget without rules grants nothing", document,
                "spec.rules", into: &out)
        }
        if target.spec.sources.isEmpty {
            report(
                isV1Alpha3 ? .error : .warning, .emptyTarget, "a TrafficTarget without sources grants nothing",
                document, "spec.sources", into: &out)
        }
        let destination = target.spec.destination
        if destination.kind != "ServiceAccount" {
            report(
                .error, .subjectKind,
                "destination kind '\(destination.kind)' is not ServiceAccount; the target grants nothing", document,
                "spec.destination.kind", into: &out)
        } else if let problem = Access.invalidName(
            name: destination.name, namespace: destination.namespace ?? item.key.namespace)
        {
            report(
                .error, .subjectName, "\(problem): no ServiceAccount has it, so the target grants nothing", document,
                "spec.destination", into: &out)
        }
        if destination.namespace == nil {
            report(
                .info, .subjectNamespace,
                "no destination namespace; the TrafficTarget's own ('\(item.key.namespace)') is used", document,
                "spec.destination", into: &out)
        } else if destination.namespace != item.key.namespace {
            report(
                .warning, .subjectNamespace,
                "the destination is in namespace '\(destination.namespace ?? "")', not the TrafficTarget's own ('\(item.key.namespace)')",
                document, "spec.destination.namespace", into: &out)
        }
        let sourceRepeats = target.spec.sources.earlierRepeats {
            [$0.kind, $0.name, $0.namespace ?? item.key.namespace]
        }
        for (i, source) in target.spec.sources.enumerated() {
            let path = FieldPath("spec.sources").appending(i)
            if let first = sourceRepeats[i] {
                report(
                    .warning, .duplicateSource, "this source is also source \(first); listing it twice changes nothing",
                    document, path, into: &out)
            }
            if source.kind != "ServiceAccount" {
                report(
                    .error, .subjectKind,
                    "source kind '\(source.kind)' is not ServiceAccount; this source matches nothing", document,
                    path.appending("kind"), into: &out)
            } else if let problem = source.invalidName(defaultNamespace: item.key.namespace) {
                report(
                    .error, .subjectName, "\(problem): no ServiceAccount has it, so this source matches nothing",
                    document, path, into: &out)
            }
            if source.namespace == nil {
                report(
                    .info, .subjectNamespace,
                    "no source namespace; the TrafficTarget's own ('\(item.key.namespace)') is used", document, path,
                    into: &out)
            }
        }
        if target.spec.rules.contains(where: { $0.kind == "TCPRoute" })
            && target.spec.rules.contains(where: { $0.kind == "HTTPRouteGroup" })
        {
            report(
                .warning, .mixedRules,
                "TCPRoute rules only narrow the ports of the HTTPRouteGroup rules here; raw TCP is not granted",
                document, "spec.rules", into: &out)
        }
        for (i, rule) in target.spec.rules.enumerated() {
            validateRule(
                rule, at: FieldPath("spec.rules").appending(i), namespace: item.key.namespace, document, bundle, &out,
                &patterns)
        }
    }

    /// The specs versions the SMI documents pair with each access and split version (notes 2.1).
    static let compatibleSpecs: [String: Set<String>] = [
        Access.V1Alpha1.apiVersion: [Specs.V1Alpha1.apiVersion, Specs.V1Alpha2.apiVersion],
        Access.V1Alpha2.apiVersion: [Specs.V1Alpha3.apiVersion],
        Access.V1Alpha3.apiVersion: [Specs.V1Alpha4.apiVersion],
        Split.V1Alpha3.apiVersion: [Specs.V1Alpha3.apiVersion],
        Split.V1Alpha4.apiVersion: [Specs.V1Alpha4.apiVersion]
    ]

    /// Notes D22: an info when a reference pairs versions the SMI documents do not.
    private func checkPairing(
        _ document: SMIDocument, refersTo target: SMIBundle.Item<some Sendable>, at path: FieldPath,
        _ out: inout [Diagnostic]
    ) {
        let from = document.apiVersion
        let to = target.apiVersion
        guard let compatible = Self.compatibleSpecs[from], !compatible.contains(to) else { return }
        report(
            .info, .versionPairing,
            "\(from) is documented with \(compatible.sorted().joined(separator: " or ")), this refers to a \(to) \(target.origin.object?.kind ?? "object"); references resolve on the canonical objects all the same",
            document, path, into: &out)
    }

    private func validateRule(
        _ rule: Access.Rule, at path: FieldPath, namespace: String, _ document: SMIDocument, _ bundle: SMIBundle,
        _ out: inout [Diagnostic], _ patterns: inout Patterns
    ) {
        let key = SMIBundle.Key(namespace: namespace, name: rule.name)
        switch rule.kind {
        case "HTTPRouteGroup":
            guard let item = bundle.httpRouteGroups[key] else {
                report(
                    .error, .missingReference, "HTTPRouteGroup \(key) does not exist; this rule grants nothing",
                    document, path.appending("name"), into: &out)
                return
            }
            let group = item.object
            checkPairing(document, refersTo: item, at: path.appending("name"), &out)
            if group.spec.matches.isEmpty {
                report(
                    .warning, .emptyGroup, "HTTPRouteGroup \(key) has no matches; this rule grants nothing", document,
                    path.appending("name"), into: &out)
            } else if !group.isUsable {
                report(
                    .error, .unusableReference,
                    "HTTPRouteGroup \(key) is invalid (a method outside the CRD's enum); this rule grants nothing",
                    document, path.appending("name"), into: &out)
            }
            guard let wanted = rule.matches else { return }
            if wanted.isEmpty {
                report(
                    .info, .emptyMatches, "'matches: []' means every match of the group", document,
                    path.appending("matches"), into: &out)
            }
            for (j, name) in wanted.enumerated() {
                let named = group.spec.matches.filter { $0.name == name }
                let at = path.appending("matches").appending(j)
                if named.isEmpty {
                    report(
                        .error, .missingReference, "HTTPRouteGroup \(key) has no match '\(name)'; it grants nothing",
                        document, at, into: &out)
                } else if named.count > 1 {
                    report(
                        .error, .unusableReference,
                        "HTTPRouteGroup \(key) names \(named.count) matches '\(name)'; the name is ambiguous, so it grants nothing",
                        document, at, into: &out)
                } else if let reason = Self.unusable(named[0], patterns: &patterns) {
                    report(
                        .error, .unusableReference,
                        "match '\(name)' of HTTPRouteGroup \(key) cannot be used (\(reason)); it grants nothing",
                        document, at, into: &out)
                }
            }
        case "TCPRoute", "UDPRoute":
            if rule.kind == "TCPRoute", let route = bundle.tcpRoutes[key] {
                checkPairing(document, refersTo: route, at: path.appending("name"), &out)
            } else if rule.kind == "UDPRoute", let route = bundle.udpRoutes[key] {
                checkPairing(document, refersTo: route, at: path.appending("name"), &out)
            } else {
                report(
                    .error, .missingReference, "\(rule.kind) \(key) does not exist; this rule grants nothing", document,
                    path.appending("name"), into: &out)
            }
            if !(rule.matches ?? []).isEmpty {
                report(
                    .error, .routeRuleMatches,
                    "matches on a \(rule.kind) rule have no meaning; this rule grants nothing", document,
                    path.appending("matches"), into: &out)
            }
        default:
            report(
                .error, .ruleKind,
                "rule kind '\(rule.kind)' is not HTTPRouteGroup, TCPRoute or UDPRoute; the TrafficTarget is invalid and grants nothing",
                document, path.appending("kind"), into: &out)
        }
    }

    /// Why a match grants nothing (the access model gives it no effect), or nil when it can
    /// grant: a path or header regex that is not RE2, or a header named twice.
    private static func unusable(_ match: Specs.HTTPMatch, patterns: inout Patterns) -> String? {
        if let pattern = match.pathRegex, !pattern.isEmpty, case .failure = patterns.regex(pattern) {
            return "its pathRegex is not RE2"
        }
        let conditions = match.headers?.conditions ?? []
        if let repeated = conditions.earlierRepeats(by: { $0.name.lowercased() }).firstIndex(where: { $0 != nil }) {
            return "it names header '\(conditions[repeated].name)' twice"
        }
        for condition in conditions {
            if case .failure = patterns.regex(condition.regex) {
                return "the value of header '\(condition.name)' is not RE2"
            }
        }
        return nil
    }

    // MARK: - Routes

    private func validateGroup(
        _ item: SMIBundle.Item<Specs.V1Alpha4.HTTPRouteGroup>, _ out: inout [Diagnostic], _ patterns: inout Patterns
    ) {
        let document = item.origin
        validateName(item.key.name, document, &out)
        if item.object.spec.matches.isEmpty {
            report(
                .warning, .emptyGroup, "an HTTPRouteGroup without matches grants and routes nothing", document,
                "spec.matches", into: &out)
        }
        let repeats = item.object.spec.matches.earlierRepeats(by: \.name)
        for (i, match) in item.object.spec.matches.enumerated() {
            let path = FieldPath("spec.matches").appending(i)
            if let first = repeats[i] {
                report(
                    .error, .duplicateMatch,
                    "match name '\(match.name)' is also used by match \(first); rules naming it grant nothing",
                    document, path.appending("name"), into: &out)
            }
            if let pattern = match.pathRegex, !pattern.isEmpty {
                switch patterns.regex(pattern) {
                case let .success(regex) where regex.requires("?"):
                    report(
                        .warning, .deadQueryMatch,
                        "every match needs a '?', but the path never holds the query string: this match can never match",
                        document, path.appending("pathRegex"), into: &out)
                case .success:
                    break
                case let .failure(error):
                    report(
                        .error, .invalidRegex,
                        "not an RE2 regular expression: \(error.message); this match grants nothing", document,
                        path.appending("pathRegex"), into: &out)
                }
            }
            let methods = match.methods ?? []
            for (j, repeated) in methods.earlierRepeats(by: \.self).enumerated() where repeated != nil {
                report(
                    .warning, .repeatedMethod, "method '\(methods[j])' is listed twice", document,
                    path.appending("methods").appending(j), into: &out)
            }
            for (j, method) in methods.enumerated() where !Specs.V1Alpha4.HTTPRouteGroup.methods.contains(method) {
                report(
                    .error, .invalidMethod,
                    "'\(method)' is not an HTTP method of the CRD (or '*'); the HTTPRouteGroup is invalid and grants nothing",
                    document, path.appending("methods").appending(j), into: &out)
            }
            validateHeaders(match, at: path, document, &out, &patterns)
            if (match.pathRegex ?? "").isEmpty && (match.methods ?? []).isEmpty
                && (match.headers?.conditions ?? []).isEmpty
            {
                report(
                    .warning, .matchesEverything,
                    "match '\(match.name)' has no path, methods or headers: it matches every HTTP request", document,
                    path, into: &out)
            }
        }
    }

    private func validateHeaders(
        _ match: Specs.HTTPMatch, at path: FieldPath, _ document: SMIDocument, _ out: inout [Diagnostic],
        _ patterns: inout Patterns
    ) {
        guard let headers = match.headers else { return }
        let repeats = headers.conditions.earlierRepeats { $0.name.lowercased() }
        var itemSizes: [Int: Int] = [:]
        for (i, condition) in headers.conditions.enumerated() {
            let conditionPath =
                (condition.item.map { path.appending("headers").appending($0) } ?? path.appending("headers")).appending(
                    condition.name)
            if condition.name.hasPrefix(":") || condition.name.lowercased() == "host" {
                report(
                    .warning, .pseudoHeader,
                    "a condition on '\(condition.name)' may not be enforceable: SMI does not say whether it can be matched",
                    document, conditionPath, into: &out)
            }
            if repeats[i] != nil {
                report(
                    .error, .duplicateHeader,
                    "header '\(condition.name)' is named twice in one match; the match grants nothing", document,
                    conditionPath, into: &out)
            }
            if let item = condition.item { itemSizes[item, default: 0] += 1 }
            if case .failure = patterns.regex(condition.regex) {
                report(
                    .error, .invalidRegex,
                    "the value of header '\(condition.name)' is not an RE2 regular expression; this match grants nothing",
                    document, conditionPath, into: &out)
            }
        }
        for (item, size) in itemSizes.sorted(by: { $0.key < $1.key }) where size > 1 {
            report(
                .warning, .multiKeyHeaderItem,
                "this list item names \(size) headers; they are all required, but the SMI SDK rejects such an item",
                document, path.appending("headers").appending(item), into: &out)
        }
    }

    private func validatePorts<Kind>(
        _ item: SMIBundle.Item<SMISpecObject<Specs.V1Alpha4, Kind, Specs.PortRouteSpec>>, _ out: inout [Diagnostic]
    ) {
        let document = item.origin
        validateName(item.key.name, document, &out)
        let ports = item.object.spec.matches.ports
        for (i, port) in ports.enumerated() where !(1...65535).contains(port) {
            report(
                .error, .portRange, "port \(port) is not between 1 and 65535; it is ignored", document,
                FieldPath("spec.matches.ports").appending(i), into: &out)
        }
        if !ports.isEmpty && ports.allSatisfy({ !(1...65535).contains($0) }) {
            report(
                .error, .portRange, "no valid port is left; the route grants nothing (not every port)", document,
                "spec.matches.ports", into: &out)
        }
        if item.object.spec.matches.name != nil {
            report(
                .warning, .routeName, "a name on the ports of a route has no meaning and is ignored", document,
                "spec.matches.name", into: &out)
        }
    }

    // MARK: - TrafficSplit

    private func validateSplit(
        _ item: SMIBundle.Item<Split.V1Alpha4.TrafficSplit>, _ bundle: SMIBundle,
        _ roots: inout [SMIBundle.Key: SMIBundle.Key],
        _ out: inout [Diagnostic]
    ) {
        let split = item.object
        let document = item.origin
        validateName(item.key.name, document, &out)
        switch Split.rootService(split.spec.service, namespace: item.key.namespace) {
        case let .success((name, normalized)) where normalized:
            report(
                .info, .rootService, "the root Service is read as '\(name)' in this namespace", document,
                "spec.service", into: &out)
        case .success:
            break
        case let .failure(problem):
            report(.error, .rootService, problem.message, document, "spec.service", into: &out)
        }
        let root = SMIBundle.Key(
            namespace: item.key.namespace,
            name: (try? Split.rootService(split.spec.service, namespace: item.key.namespace).get().name)
                ?? split.spec.service)
        if let other = roots[root] {
            report(
                .error, .duplicateRoot,
                "TrafficSplit \(other) already splits Service \(root); nothing orders two splits of one root", document,
                "spec.service", into: &out)
        } else {
            roots[root] = item.key
        }
        if split.spec.backends.isEmpty {
            report(
                .error, .zeroWeights, "a TrafficSplit without backends cannot route; it is not rendered", document,
                "spec.backends", into: &out)
        }
        let repeats = split.spec.backends.earlierRepeats(by: \.service)
        var total = 0
        var overflow = false
        for (i, backend) in split.spec.backends.enumerated() {
            let path = FieldPath("spec.backends").appending(i)
            if backend.weight < 0 {
                report(.error, .negativeWeight, "must not be negative", document, path.appending("weight"), into: &out)
            }
            let (sum, o) = total.addingReportingOverflow(max(backend.weight, 0))
            total = sum
            overflow = overflow || o
            if let first = repeats[i] {
                report(
                    .error, .duplicateBackend, "Service '\(backend.service)' is already backend \(first)", document,
                    path.appending("service"), into: &out)
            }
            if backend.service == split.spec.service {
                report(
                    .warning, .backendIsRoot,
                    "the root Service is also a backend; its share goes to the root's own endpoints", document,
                    path.appending("service"), into: &out)
            }
        }
        if overflow {
            report(
                .error, .zeroWeights, "the weights add up to more than a 64-bit integer holds", document,
                "spec.backends", into: &out)
        } else if !split.spec.backends.isEmpty && total == 0 {
            report(
                .error, .zeroWeights, "no backend has a weight above 0: the split cannot route; it is not rendered",
                document, "spec.backends", into: &out)
        }
        for (i, match) in (split.spec.matches ?? []).enumerated() {
            let path = FieldPath("spec.matches").appending(i)
            if match.kind != "HTTPRouteGroup" {
                report(
                    .error, .ruleKind, "match kind '\(match.kind)' is not HTTPRouteGroup; the split is invalid",
                    document, path.appending("kind"), into: &out)
            } else if let group = bundle.httpRouteGroups[SMIBundle.Key(namespace: item.key.namespace, name: match.name)]
            {
                checkPairing(document, refersTo: group, at: path.appending("name"), &out)
            } else {
                report(
                    .error, .missingReference,
                    "HTTPRouteGroup \(item.key.namespace)/\(match.name) does not exist; the split is not rendered",
                    document, path.appending("name"), into: &out)
            }
        }
    }

    // MARK: - Names

    private func validateName(_ name: String, _ document: SMIDocument, _ out: inout [Diagnostic]) {
        if !DNSName.isSubdomain(name) {
            report(
                .error, .invalidName,
                "'\(name)' is not a valid object name (DNS-1123 subdomain: lowercase letters, digits, '-' and '.', at most 253)",
                document, "metadata.name", into: &out)
        }
    }
}
