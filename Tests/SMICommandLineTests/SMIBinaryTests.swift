import Foundation
import SMITestSupport
import Testing

/// End-to-end tests of the `smi` executable: real processes, real files, pipes and exit
/// statuses, and the kubectl plugin through a real kubectl.
@Suite struct SMIBinaryTests {
    static let orders = "Examples/diagnostics/orders.yaml"
    static let bookstore = "Examples/bookstore/app.yaml"

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smi-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func rendersAFileWithASummary() throws {
        let run = try ProcessRun(smi: ["render", "--mesh", "istio", Self.bookstore])
        #expect(run.status == 0)
        #expect(run.out.contains("\n  name: smi-web-reads-books\n"))
        #expect(run.err.hasSuffix("\n0 errors, 0 warnings in 9 documents; 4 resources for istio\n"))
        #expect(
            run.err.hasPrefix(
                "Examples/bookstore/app.yaml:61:1: info[SMI3011]: TrafficTarget bookstore/web-reads-books: "))
    }

    /// The exact text of each diagnostic, in position order, and a rendering of what was
    /// safe to render: the access policy without the dropped match, no VirtualService.
    @Test func diagnosticsHaveTheirExactTextAndTheSafePartIsStillRendered() throws {
        let run = try ProcessRun(smi: ["render", "--mesh", "istio", Self.orders])
        #expect(run.status == 1)
        #expect(
            run.err == """
                Examples/diagnostics/orders.yaml:41:1: warning[SMI3003]: TrafficTarget shop/web-reads-orders: match 'order-items' of HTTPRouteGroup shop/orders is not rendered (stricter than SMI): pathRegex '/orders/[0-9]+/items' is not a finite set of exact paths, prefixes or one suffix
                Examples/diagnostics/orders.yaml:59:1: error[SMI2501]: TrafficSplit shop/orders: the TrafficSplit has errors (or shares its root Service with another split) and is not rendered; traffic to the root Service is not split
                Examples/diagnostics/orders.yaml:69:14: error[SMI2003]: TrafficSplit shop/orders: spec.backends[1].service: Service 'orders-v1' is already backend 0
                2 errors, 1 warning in 5 documents; 2 resources for istio

                """)
        #expect(run.out.contains("name: smi-web-reads-orders") && run.out.contains("- /orders\n"))
        #expect(!run.out.contains("VirtualService") && !run.out.contains("items"))
    }

    /// A warning passes (exit 0) until --strict, which makes it an error (exit 1) and drops
    /// nothing more than the warning did.
    @Test func strictMakesWarningsFail() throws {
        let text = try String(
            contentsOfFile: SharedReference.packageRoot.appendingPathComponent(Self.orders).path, encoding: .utf8)
        let accessOnly =
            text.components(separatedBy: "\n---\n").filter { !$0.contains("kind: TrafficSplit") }.joined(
                separator: "\n---\n") + "\n"
        let file = try Self.temporaryFolder().appendingPathComponent("orders.yaml")
        try accessOnly.write(to: file, atomically: true, encoding: .utf8)
        let lenient = try ProcessRun(smi: ["render", "--mesh", "istio", file.path])
        #expect(lenient.status == 0 && lenient.err.contains("warning[SMI3003]"))
        let strict = try ProcessRun(smi: ["render", "--mesh", "istio", "--strict", file.path])
        #expect(
            strict.status == 1 && strict.err.contains("error[SMI3003]")
                && strict.err.hasSuffix("1 error, 0 warnings in 4 documents; 2 resources for istio\n"))
        #expect(strict.out == lenient.out)
        let validate = try ProcessRun(smi: [
            "validate", "--strict", SharedReference.packageRoot.appendingPathComponent("Examples/shop").path
        ])
        #expect(validate.status == 0)
        // A validation warning: fine by default, a failure with --strict, and the summary says why.
        let warned =
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {name: web, namespace: shop}\nspec:\n  service: web\n  backends: [{service: web, weight: 1}, {service: web-v2, weight: 1}]\n"
        let warning =
            "<stdin>:6:24: warning[SMI2004]: TrafficSplit shop/web: spec.backends[0].service: the root Service is also a backend; its share goes to the root's own endpoints\n"
        let plain = try ProcessRun(smi: ["validate", "-"], stdin: warned)
        #expect(plain.status == 0 && plain.err == warning + "0 errors, 1 warning in 1 document\n")
        let failing = try ProcessRun(smi: ["validate", "--strict", "-"], stdin: warned)
        #expect(
            failing.status == 1
                && failing.err == warning + "0 errors, 1 warning in 1 document (--strict: warnings fail)\n")
    }

    @Test func readsStandardInput() throws {
        let text = try String(
            contentsOfFile: SharedReference.packageRoot.appendingPathComponent(Self.bookstore).path, encoding: .utf8)
        let piped = try ProcessRun(smi: ["render", "--mesh", "istio", "-"], stdin: text)
        let fromFile = try ProcessRun(smi: ["render", "--mesh", "istio", Self.bookstore])
        #expect(piped.status == 0 && piped.out == fromFile.out)
        let implicit = try ProcessRun(
            smi: ["validate"],
            stdin:
                "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {name: web, namespace: shop}\nspec:\n  service: web\n  backends: [{service: web-v1, weight: -1}]\n"
        )
        #expect(implicit.status == 1)
        #expect(
            implicit.err
                == "<stdin>:6:13: error[SMI2002]: TrafficSplit shop/web: spec.backends: no backend has a weight above 0: the split cannot route; it is not rendered\n<stdin>:6:40: error[SMI2001]: TrafficSplit shop/web: spec.backends[0].weight: must not be negative\n2 errors, 0 warnings in 1 document\n"
        )
    }

    /// A directory is its *.yaml, *.yml and *.json files in name order: the shop rendered as a
    /// folder equals the shop's files given one by one, and equals its SMI files rendered
    /// with the app's manifests as --inventory.
    @Test func readsDirectoriesAndInventories() throws {
        let folder = SharedReference.packageRoot.appendingPathComponent("Examples/shop")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        let whole = try ProcessRun(smi: ["render", "--mesh", "linkerd", "Examples/shop"])
        let listed = try ProcessRun(smi: ["render", "--mesh", "linkerd"] + files.map { "Examples/shop/" + $0 })
        #expect(whole.status == 0 && whole.out == listed.out && whole.err == listed.err)
        #expect(whole.err.hasSuffix("in 25 documents; 17 resources for linkerd\n"))
        let smi = files.filter { $0.hasPrefix("5") || $0.hasPrefix("6") || $0.hasPrefix("7") }
        var inventory = ["render", "--mesh", "linkerd"]
        for file in files where !smi.contains(file) { inventory += ["--inventory", "Examples/shop/" + file] }
        let split = try ProcessRun(smi: inventory + smi.map { "Examples/shop/" + $0 })
        #expect(split.status == 0 && split.out == whole.out)
        let empty = try Self.temporaryFolder()
        try "not a manifest".write(to: empty.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let none = try ProcessRun(smi: ["validate", empty.path])
        #expect(
            none.status == 1
                && none.err == "smi validate: \(empty.path): no *.yaml, *.yml or *.json files in the directory\n")
    }

    /// A directory's manifests are its files with those extensions, in any case; hidden
    /// files, subdirectories (whatever their names) and other files are left out.
    @Test func readsOnlyTheManifestFilesOfADirectory() throws {
        let folder = try Self.temporaryFolder()
        let split =
            "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: NAME, namespace: shop}\nspec: {service: web, backends: [{service: web-v1, weight: -1}]}\n"
        for name in ["b.yaml", "A.YML", "c.json", ".hidden.yaml", "notes.txt", "yaml"] {
            try split.replacingOccurrences(of: "NAME", with: name).write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let sub = folder.appendingPathComponent("sub.yaml")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try split.write(to: sub.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let run = try ProcessRun(smi: ["validate", folder.path])
        let files = run.err.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) }.filter
        { $0.hasPrefix("/") }
        #expect(
            files.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
                == ["A.YML", "b.yaml", "c.json"].map { folder.path + "/" + $0 })
        #expect(run.status == 1 && run.err.hasSuffix(" in 3 documents\n"))
    }

    @Test func writesJSONOnePerLine() throws {
        let run = try ProcessRun(smi: ["render", "--mesh", "istio", "-o", "json", Self.bookstore])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["apiVersion"] as? String == "security.istio.io/v1")
        }
    }

    @Test func badUsageExitsWithTwo() throws {
        for arguments in [
            [], ["render", Self.bookstore], ["render", "--mesh", "kuma", Self.bookstore],
            ["render", "--mesh", "istio", "-o", "entries-hcl", Self.bookstore], ["frobnicate"], ["explain", "SMI99"]
        ] {
            let run = try ProcessRun(smi: arguments)
            #expect(run.status == 2, "smi \(arguments)")
            #expect(run.out.isEmpty && !run.err.isEmpty, "smi \(arguments)")
        }
        let missing = try ProcessRun(smi: ["validate", "no-such-file.yaml"])
        #expect(
            missing.status == 1 && missing.err == "smi validate: no-such-file.yaml: cannot read file (does it exist?)\n"
        )
    }

    @Test func everySubcommandRuns() throws {
        let version = try ProcessRun(smi: ["version"])
        #expect(version.status == 0 && version.out.wholeMatch(of: /smi [0-9]+\.[0-9]+\.[0-9]+\n/) != nil)
        let convert = try ProcessRun(smi: [
            "convert", "--to", "split.smi-spec.io/v1alpha4", "Examples/shop/70-canary.yaml"
        ])
        #expect(
            convert.status == 0 && convert.out.contains("apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\n"))
        let validate = try ProcessRun(smi: ["validate", "Examples/shop"])
        #expect(validate.status == 0 && validate.err == "0 errors, 0 warnings in 25 documents\n")
        let explain = try ProcessRun(smi: ["explain", "smi2003"])
        #expect(
            explain.status == 0
                && explain.out
                    == "SMI2003 (reading and validation): A Service listed twice as a backend of one split (D20); the split is not rendered.\n"
        )
        let access = try ProcessRun(smi: [
            "access", "Examples/shop", "--from", "shop/web", "--to", "shop/api", "--port", "8080", "--method", "DELETE",
            "--path", "/products/1"
        ])
        #expect(access.status == 0 && access.out.hasPrefix("{\"verdict\":\"deny\""))
        let metrics = try ProcessRun(smi: ["metrics", "--mesh", "linkerd", "Examples/shop/70-canary.yaml"])
        #expect(metrics.status == 0 && metrics.out.contains("response_total"))
        for mesh in ["istio", "linkerd", "consul"] {
            let run = try ProcessRun(smi: ["render", "--mesh", mesh, "Examples/shop"])
            #expect(run.status == 0 && !run.out.isEmpty, "\(mesh): \(run.err)")
        }
        let hcl = try ProcessRun(smi: ["render", "--mesh", "consul", "-o", "entries-hcl", "Examples/shop"])
        #expect(hcl.out.contains("Kind = \"service-splitter\""))
    }

    /// Colours on a terminal (a pseudo-terminal from script(1)) unless NO_COLOR is set;
    /// never in a pipe.
    @Test func coloursOnlyOnATerminal() throws {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script) || !SharedReference.required)
        guard FileManager.default.isExecutableFile(atPath: script) else { return }
        let command = "\(ProcessRun.smi.path) render --mesh istio \(Self.orders) >/dev/null"
        let terminal = try ProcessRun(script, ["-qec", command, "/dev/null"], environment: ["TERM": "xterm"])
        #expect(terminal.out.contains("\u{1B}[1;35mwarning\u{1B}[0m[SMI3003]"))
        #expect(
            terminal.out.contains(
                "\u{1B}[1mExamples/diagnostics/orders.yaml:69:14: \u{1B}[0m\u{1B}[1;31merror\u{1B}[0m[SMI2003]"))
        let noColour = try ProcessRun(
            script, ["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": "1"])
        #expect(!noColour.out.contains("\u{1B}[") && noColour.out.contains("warning[SMI3003]"))
        let dumb = try ProcessRun(script, ["-qec", command, "/dev/null"], environment: ["TERM": "dumb"])
        #expect(!dumb.out.contains("\u{1B}[") && dumb.out.contains("warning[SMI3003]"))
        let pipe = try ProcessRun(smi: ["render", "--mesh", "istio", Self.orders])
        #expect(!pipe.err.contains("\u{1B}["))
    }

    /// kubectl finds `kubectl-smi` on PATH and passes the arguments through: same output,
    /// same status, and help that names the command as `kubectl smi`.
    @Test func runsAsAKubectlPlugin() throws {
        let kubectl =
            ProcessInfo.processInfo.environment["SMI_KUBECTL"]
            ?? ["/usr/local/bin/kubectl", "/usr/bin/kubectl"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(kubectl != nil || !SharedReference.required, "CI must provide kubectl (SMI_KUBECTL)")
        guard let kubectl else { return }
        let plugins = try Self.temporaryFolder()
        try FileManager.default.createSymbolicLink(
            atPath: plugins.appendingPathComponent("kubectl-smi").path, withDestinationPath: ProcessRun.smi.path)
        let path = [
            "PATH": plugins.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "KUBECONFIG": "/dev/null"
        ]
        let list = try ProcessRun(kubectl, ["plugin", "list"], environment: path)
        #expect(list.out.contains(plugins.appendingPathComponent("kubectl-smi").path))
        let direct = try ProcessRun(smi: ["render", "--mesh", "istio", Self.orders])
        let plugin = try ProcessRun(kubectl, ["smi", "render", "--mesh", "istio", Self.orders], environment: path)
        #expect(plugin.status == 1 && plugin.out == direct.out && plugin.err == direct.err)
        let ok = try ProcessRun(
            kubectl, ["smi", "render", "--mesh", "consul", "-o", "entries-json", Self.bookstore], environment: path)
        #expect(ok.status == 0 && ok.out.contains("\"Kind\": \"service-intentions\""))
        let help = try ProcessRun(kubectl, ["smi", "render", "--help"], environment: path)
        #expect(help.status == 0 && help.out.hasPrefix("Usage: kubectl smi render --mesh"))
    }
}
