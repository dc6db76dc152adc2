import SMICore

/// `smi access`: decides requests with the SMI access model, like `kubectl auth can-i`.
struct AccessCommand: ToolCommand {
    static let name = "access"
    static let summary = "Decide whether SMI allows requests, and why"
    static let help = """
        Usage: smi access [FILE...] --requests REQUESTS.json [--full-path-match]
               smi access [FILE...] --from NS/SA --to NS/SA --port P [--protocol http|tcp|udp]
                          [--method M] [--path P] [--header NAME=VALUE]... [--full-path-match]

        Reads the SMI objects of each FILE ('-' reads standard input) and decides each request
        with SMI's semantics (deny by default; the notes' decisions D1-D25). Prints one JSON
        line per request: {"verdict":"allow"|"deny","reason":"..."}, the reason naming the
        TrafficTarget, rule and match that allowed it, or why nothing did.

        REQUESTS.json is a JSON array of
          {"source": {"namespace": N, "serviceAccount": S} or null (a client outside the mesh),
           "destination": {"namespace": N, "serviceAccount": S}, "port": P,
           "protocol": "http"|"tcp"|"udp", "method": M, "path": P, "headers": {NAME: VALUE}}
        (method, path and headers only for http; a query string in the path is ignored).

        Options:
          --requests FILE       The requests to decide.
          --from, --to NS/SA    The source and destination of one request.
          --port P              Its destination port.
          --protocol PROTO      http (the default), tcp or udp.
          --method, --path      Its HTTP method and path.
          --header NAME=VALUE   An HTTP header (repeatable).
          --full-path-match     pathRegex must match the whole path, not only its start.

        Exit status: 0 when every request was decided (allowed or not), 1 when a manifest or
        the request file is invalid, 2 on bad usage.

        Examples:
          smi access app.yaml --from shop/web --to shop/api --port 8080 --method GET --path /api/v1/items
          smi access manifests/ --requests requests.json
        """

    var paths: [String] = []
    var requestsFile: String?
    var single = SingleRequest()
    var anchoring = RE2Regex.Anchoring.prefix

    struct SingleRequest {
        var from: String?
        var to: String?
        var port: Int?
        var proto = AccessRequest.TrafficProtocol.http
        var method: String?
        var path: String?
        var headers: [String: [String]] = [:]
    }

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let item = scanner.next() {
            switch item {
            case let .positional(path): paths.append(path)
            case let .option(name, inline):
                switch name {
                case "--requests": requestsFile = try scanner.value(for: name, inline: inline)
                case "--from": single.from = try scanner.value(for: name, inline: inline)
                case "--to": single.to = try scanner.value(for: name, inline: inline)
                case "--port":
                    let text = try scanner.value(for: name, inline: inline)
                    guard let port = Int(text) else {
                        throw UsageError(message: "option '--port' takes a number, not '\(text)'")
                    }
                    single.port = port
                case "--protocol":
                    single.proto =
                        AccessRequest.TrafficProtocol(
                            rawValue: try scanner.choice(for: name, inline: inline, from: ["http", "tcp", "udp"]))
                        ?? .http
                case "--method": single.method = try scanner.value(for: name, inline: inline)
                case "--path": single.path = try scanner.value(for: name, inline: inline)
                case "--header":
                    let text = try scanner.value(for: name, inline: inline)
                    guard let equals = text.firstIndex(of: "=") else {
                        throw UsageError(message: "option '--header' takes NAME=VALUE, not '\(text)'")
                    }
                    single.headers[String(text[..<equals]), default: []].append(
                        String(text[text.index(after: equals)...]))
                case "--full-path-match": anchoring = .full
                default: throw UsageError(message: "unknown option '\(name)'")
                }
            }
        }
        if requestsFile == nil && (single.from == nil || single.to == nil || single.port == nil) {
            throw UsageError(message: "give --requests FILE, or --from, --to and --port for one request")
        }
    }

    func run(console: inout Console) throws -> Int32 {
        var status = ExitStatus.success
        guard let input = InputFiles.smiInput(paths, console: console, command: Self.name) else {
            return ExitStatus.failure
        }
        console.diagnostics(input.diagnostics)
        if input.diagnostics.contains(where: { $0.severity == .error }) { status = ExitStatus.failure }
        let bundle = input.bundle
        let errors = input.located(SMIValidator().validate(bundle).filter { $0.severity == .error }).sortedByPlace()
        console.diagnostics(errors)
        if !errors.isEmpty { status = ExitStatus.failure }
        let requests: [AccessRequest]
        do {
            requests =
                try requestsFile.map { file throws(RequestFileError) in try RequestFile.read(file) } ?? [
                    single.request()
                ]
        } catch {
            console.error("smi access: \(error)")
            return ExitStatus.failure
        }
        let model = SMIAccessModel(pathAnchoring: anchoring)
        var output: [UInt8] = []
        for request in requests {
            let decision = model.decide(request, in: bundle)
            let line: ManifestNode = [
                "verdict": ManifestNode(.string(decision.verdict.rawValue)),
                "reason": ManifestNode(.string(decision.reason))
            ]
            try JSONWriter().write(line, into: &output)
            output.append(0x0A)
        }
        console.out(bytes: output)
        return status
    }
}

extension AccessCommand.SingleRequest {
    func request() -> AccessRequest {
        func identity(_ text: String?) -> AccessRequest.Identity {
            let parts = (text ?? "").split(separator: "/", maxSplits: 1).map(String.init)
            return parts.count == 2
                ? .init(namespace: parts[0], serviceAccount: parts[1])
                : .init(namespace: "default", serviceAccount: parts.first ?? "")
        }
        return AccessRequest(
            source: identity(from), destination: identity(to), port: port ?? 0, protocol: proto,
            method: proto == .http ? (method ?? "GET") : nil, path: proto == .http ? (path ?? "/") : nil,
            headers: headers.isEmpty ? nil : headers)
    }
}
