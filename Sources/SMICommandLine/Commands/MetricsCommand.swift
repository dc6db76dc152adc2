import SMICore

/// `smi metrics`: the queries that answer TrafficMetrics objects on a mesh.
struct MetricsCommand: ToolCommand {
    static let name = "metrics"
    static let summary = "Write the queries that answer TrafficMetrics objects on a mesh"
    static let help = """
        Usage: smi metrics --mesh istio|linkerd|consul [--istio-waypoints] [FILE...]

        Reads the TrafficMetrics objects (metrics.smi-spec.io/v1alpha1; a TrafficMetricsList's
        items too) of each FILE ('-' or no FILE reads standard input): each one asks for the
        metrics of a resource (Pod, Deployment, DaemonSet, StatefulSet, Namespace), of one of
        its edges or of every edge of a direction, over a window. Prints one JSON line per
        SMI metric: {"object": ..., "metric": ..., "unit": ..., "query": ...}, the query in
        PromQL over the mesh's standard metrics. Other documents are ignored.

        Options:
          --istio-waypoints  Istio in ambient mode: waypoints report the requests
                             (reporter="waypoint"), and no Pod can be named.

        Exit status: 0 when every object could be answered, 1 when one could not (the reason
        is on standard error as file:line:column), 2 on bad usage.

        Example:
          smi metrics --mesh istio web-metrics.yaml
        """

    var paths: [String] = []
    var metrics: (any MeshMetrics)?

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        var mesh: String?
        var waypoints = false
        while let item = scanner.next() {
            switch item {
            case let .positional(path): paths.append(path)
            case let .option(name, inline) where name == "--mesh": mesh = try scanner.value(for: name, inline: inline)
            case let .option(name, _) where name == "--istio-waypoints": waypoints = true
            case let .option(name, _): throw UsageError(message: "unknown option '\(name)'")
            }
        }
        guard let mesh else { throw UsageError(message: "give the mesh with --mesh (istio, linkerd)") }
        guard !waypoints || mesh == "istio" else {
            throw UsageError(message: "option '--istio-waypoints' configures istio, not --mesh \(mesh)")
        }
        metrics = try Meshes.metrics(named: mesh, waypoints: waypoints)
    }

    func run(console: inout Console) throws -> Int32 {
        guard let mesh = metrics else { return ExitStatus.usage }
        var status = ExitStatus.success
        guard let documents = InputFiles.documents(paths, console: console, command: "metrics", status: &status) else {
            return ExitStatus.failure
        }
        var output: [UInt8] = []
        for source in documents {
            let document = SMIDocument.decode(source)
            let items: [Metrics.TrafficMetrics]
            switch document.content {
            case .smi(.trafficMetrics(let one)): items = [one]
            case .smi(.trafficMetricsList(let list)): items = list.items
            case .invalid:
                console.diagnostics(document.diagnostics)
                status = ExitStatus.failure
                continue
            default: continue
            }
            for metrics in items {
                let object = "TrafficMetrics \(metrics.metadata.namespace ?? "default")/\(metrics.metadata.name ?? "")"
                let answer: [MetricsAnswer]
                do {
                    answer = try mesh.queries(for: MetricsQuery(metrics)).get()
                } catch {
                    let location = source.root.location.map { ":\($0.line):\($0.column)" } ?? ""
                    console.error("\(source.file ?? "<stdin>")\(location): error: \(object): \(error)")
                    status = ExitStatus.failure
                    continue
                }
                for query in answer {
                    let line: ManifestNode = [
                        "object": ManifestNode(.string(object)), "metric": ManifestNode(.string(query.metric)),
                        "unit": query.unit.map { ManifestNode(.string($0)) } ?? nil,
                        "query": ManifestNode(.string(query.promQL))
                    ]
                    try JSONWriter().write(line, into: &output)
                    output.append(0x0A)
                }
            }
        }
        console.out(bytes: output)
        return status
    }
}
