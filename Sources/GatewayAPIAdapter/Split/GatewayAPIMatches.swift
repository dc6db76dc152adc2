import SMICore

/// SMI match conditions as Gateway API route matches.
///
/// A path regex is written as `Exact` or `PathPrefix` only when it admits exactly the same
/// paths (PathPrefix matches whole segments, unlike SMI's raw prefix), else as a
/// `RegularExpression` that spans the whole path, which every implementation reads alike:
/// `^(?:R).*`, or `^(?:R)$` with full anchoring.
struct GatewayAPIMatches {
    let anchoring: RE2Regex.Anchoring
    let implementation: GatewayAPIImplementation

    /// The characters the CRDs allow in an `Exact` or `PathPrefix` value, without `%`: a
    /// percent-encoding is compared decoded by some proxies and raw by SMI.
    static let plainPathBytes = Set(
        "-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._~!$&'()*+,;=:@".utf8)

    /// Whether `literal` can be an `Exact` or `PathPrefix` value: absolute, plain characters,
    /// and none of the segments the CRD's rules forbid.
    static func isPlainPath(_ literal: String) -> Bool {
        literal.hasPrefix("/") && literal.utf8.allSatisfy(plainPathBytes.contains)
            && !literal.contains("//") && !literal.contains("/./") && !literal.contains("/../")
            && !literal.hasSuffix("/.") && !literal.hasSuffix("/..")
    }

    /// At most this many `Exact` paths stand for one regex (`/api/(info|version)$`).
    static let exactAlternatives = 8

    /// The path conditions, any of which admits what SMI's `regex` does (nil: any path): a
    /// few exact paths, one segment prefix, or one regex.
    func paths(_ regex: String?) -> [GatewayAPI.HTTPRouteRule.PathMatch] {
        let forms = regex.flatMap { try? RE2Regex($0) }?.forms(anchoring: anchoring, assumingNoNewlines: true) ?? []
        if !forms.isEmpty, forms.count <= Self.exactAlternatives,
            forms.allSatisfy({ $0.tail == .end && Self.isPlainPath($0.literal) })
        {
            return forms.map { .init(type: "Exact", value: $0.literal) }
        }
        return [path(regex)]
    }

    /// The path condition for SMI's `regex` (nil: any path): `Exact` for one plain path.
    func path(_ regex: String?) -> GatewayAPI.HTTPRouteRule.PathMatch {
        guard let regex else { return .init(type: "PathPrefix", value: "/") }
        let forms = (try? RE2Regex(regex))?.forms(anchoring: anchoring, assumingNoNewlines: true) ?? []
        if forms.count == 1, forms[0].tail == .end, Self.isPlainPath(forms[0].literal) {
            return .init(type: "Exact", value: forms[0].literal)
        }
        if forms.count == 1, forms[0] == RE2Form("/", .any) {
            return .init(type: "PathPrefix", value: "/")
        }
        if forms.count == 2, let exact = forms.first(where: { $0.tail == .end }), exact.literal != "/",
            !exact.literal.hasSuffix("/"),
            forms.contains(RE2Form(exact.literal + "/", .any)), Self.isPlainPath(exact.literal)
        {
            return .init(type: "PathPrefix", value: exact.literal)
        }
        return .init(type: "RegularExpression", value: anchoring == .prefix ? "^(?:\(regex)).*" : "^(?:\(regex))$")
    }

    /// A header condition: `Exact` for a literal value, else a regex over the whole value.
    func header(_ condition: SplitPlan.HeaderCondition) -> GatewayAPI.HeaderMatch {
        if case let .literal(value) = (try? RE2Regex(condition.regex))?.shape(
            anchoring: .full, assumingNoNewlines: true), !value.isEmpty
        {
            return .init(type: "Exact", name: condition.name, value: value)
        }
        return .init(type: "RegularExpression", name: condition.name, value: "^(?:\(condition.regex))$")
    }

    /// The HTTPRoute matches of `condition` (any of them), or why the implementation cannot
    /// take it as SMI means it.
    func http(_ condition: SplitPlan.Condition) -> Result<[GatewayAPI.HTTPRouteRule.Match], GatewayAPIRefusal> {
        if let problem = problem(condition) { return .failure(problem) }
        let paths = paths(condition.pathRegex)
        if let path = paths.first, path.type == "RegularExpression",
            path.value.utf8.count > GatewayAPIRelease.maximumPathLength
        {
            return .failure(
                "the path regex as a route needs it is longer than the CRD's \(GatewayAPIRelease.maximumPathLength) characters"
            )
        }
        if let method = condition.method, !Self.methods.contains(method) {
            return .failure(
                "the Gateway API cannot match the method '\(method)' (it knows \(Self.methods.joined(separator: ", ")))"
            )
        }
        let headers = condition.headers.map(header)
        if let long = headers.first(where: { $0.value.utf8.count > GatewayAPIRelease.maximumHeaderValueLength }) {
            return .failure(
                "the condition on header '\(long.name)' is longer than the CRD's \(GatewayAPIRelease.maximumHeaderValueLength) characters"
            )
        }
        return .success(
            paths.map { .init(path: $0, headers: headers.isEmpty ? nil : headers, method: condition.method) })
    }

    /// The methods HTTPRoute can match.
    static let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]

    /// A gRPC match for `condition`: `.some(nil)` when no gRPC call can meet it (a method other
    /// than POST), nil when GRPCRoute cannot say it (a path that is not a service or a method).
    func grpc(_ condition: SplitPlan.Condition) -> GatewayAPI.GRPCRouteRule.Match?? {
        if let method = condition.method, method != "POST" { return .some(nil) }
        guard problem(condition) == nil else { return nil }
        let headers = condition.headers.map(header)
        let headerMatches = headers.isEmpty ? nil : headers
        guard let regex = condition.pathRegex else { return .some(.init(method: nil, headers: headerMatches)) }
        let path = path(regex)
        let segments = path.value.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        switch path.type {
        case "Exact" where segments.count == 2 && Self.isService(segments[0]) && Self.isMethod(segments[1]):
            return .some(.init(method: .init(service: segments[0], method: segments[1]), headers: headerMatches))
        case "PathPrefix" where segments.count == 1 && Self.isService(segments[0]):
            return .some(.init(method: .init(service: segments[0], method: nil), headers: headerMatches))
        default:
            return nil
        }
    }

    /// Whether `text` is a gRPC service name as the GRPCRoute CRD accepts it.
    static func isService(_ text: String) -> Bool {
        !text.isEmpty
            && text.split(separator: ".", omittingEmptySubsequences: false).enumerated().allSatisfy { index, part in
                (index == 0 && part.isEmpty && text.count > 1) || isIdentifier(part)
            }
    }

    /// Whether `text` is a gRPC method name as the GRPCRoute CRD accepts it.
    static func isMethod(_ text: String) -> Bool { isIdentifier(Substring(text)) }

    static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.utf8.first,
            first == UInt8(ascii: "_") || (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z")
        else { return false }
        return text.utf8.allSatisfy {
            $0 == UInt8(ascii: "_") || ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }

    /// Why the implementation cannot take the condition's names and regexes as SMI means them.
    func problem(_ condition: SplitPlan.Condition) -> GatewayAPIRefusal? {
        if condition.headers.count > GatewayAPIRelease.headersPerMatch {
            return
                "a match has \(condition.headers.count) header conditions; the CRD takes \(GatewayAPIRelease.headersPerMatch)"
        }
        for header in condition.headers {
            guard HeaderMatching.isToken(header.name) else {
                return "the Gateway API cannot match the header '\(header.name)'"
            }
            if implementation.joinsRepeatedHeaders, let reason = HeaderMatching.envoyCannotMatch(header.name) {
                return "\(reason)"
            }
        }
        if !implementation.acceptsEngineDependentClasses {
            for regex in [condition.pathRegex].compactMap({ $0 }) + condition.headers.map(\.regex) {
                if let reason = HeaderMatching.rustReadsDifferently(regex) { return "the regex '\(regex)': \(reason)" }
            }
        }
        return nil
    }
}
