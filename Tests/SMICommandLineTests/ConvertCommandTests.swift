import Foundation
import SMITestSupport
import Testing

@Suite struct ConvertCommandTests {
    let manifest = "kind: ConfigMap\ndata:\n  enabled: yes\n  mode: 0777\n  name: 'on'\n---\n- a\n"

    @Test func writesNormalizedYAMLByDefault() throws {
        let run = ToolRun(["convert", try ToolRun.file(manifest)])
        #expect(run.status == 0)
        #expect(run.out == "kind: ConfigMap\ndata:\n  enabled: true\n  mode: 511\n  name: \"on\"\n---\n- a\n")
        #expect(run.err.isEmpty)
    }

    @Test func writesOneCompactJSONDocumentPerLine() throws {
        let run = ToolRun(["convert", "-o", "json", try ToolRun.file(manifest)])
        #expect(run.status == 0)
        #expect(
            run.out == "{\"kind\":\"ConfigMap\",\"data\":{\"enabled\":true,\"mode\":511,\"name\":\"on\"}}\n[\"a\"]\n")
    }

    @Test func coreSchemaReadsLikeYAML12() throws {
        let run = ToolRun(["convert", "--schema=core", "--output=json", "-"], stdin: manifest)
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("{\"kind\":\"ConfigMap\",\"data\":{\"enabled\":\"yes\",\"mode\":777,"))
    }

    @Test func noFileMeansStandardInput() {
        let run = ToolRun(["convert"], stdin: "a: 1\n")
        #expect(run.status == 0)
        #expect(run.out == "a: 1\n")
    }

    @Test func invalidInputIsReportedWithItsPositionAndExitsOne() throws {
        let good = try ToolRun.file("a: 1\n", name: "good.yaml")
        let bad = try ToolRun.file("a: 1\nb: [x\n", name: "bad.yaml")
        let run = ToolRun(["convert", good, bad])
        #expect(run.status == 1)
        #expect(
            run.err
                == "\(bad):3:1: error[SMI0001]: expected ',' or ']' in the flow sequence that starts at 2:4, found the end of the input\n1 error, 0 warnings in 1 document\n"
        )
        #expect(run.out == "a: 1\n")
    }

    @Test func missingFilesExitOne() {
        let run = ToolRun(["convert", "/nonexistent/x.yaml"])
        #expect(run.status == 1)
        #expect(run.err.contains("/nonexistent/x.yaml: cannot read file"))
    }

    @Test(arguments: [
        (["convert", "-o", "xml"], "option '-o' takes 'yaml' or 'json', not 'xml'"),
        (["convert", "--schema"], "option '--schema' needs a value"),
        (["convert", "--frobnicate"], "unknown option '--frobnicate'"),
        (["transmogrify"], "unknown command 'transmogrify'"),
        ([], "Usage: smi <command>")
    ])
    func badUsageExitsTwo(arguments: [String], message: String) {
        let run = ToolRun(arguments)
        #expect(run.status == 2)
        #expect(run.err.contains(message))
    }

    @Test func everyCommandHasHelp() {
        for arguments in [["--help"], ["convert", "--help"], ["version", "-h"], ["help", "convert"]] {
            let run = ToolRun(arguments)
            #expect(run.status == 0)
            #expect(run.out.contains("Usage: smi"))
        }
        #expect(ToolRun(["convert", "--help"]).out.contains("Examples:"))
    }

    @Test func nonFiniteNumbersCannotBeJSON() {
        let run = ToolRun(["convert", "-o", "json"], stdin: "a: .inf\n---\nb: 1\n")
        #expect(run.status == 1)
        #expect(run.err.contains("JSON cannot represent the number inf"))
        #expect(run.out == "{\"b\":1}\n")
    }

    @Test func convertsSMIObjectsOfTheTargetGroupOnly() throws {
        let input = """
            apiVersion: split.smi-spec.io/v1alpha1
            kind: TrafficSplit
            metadata: {name: canary}
            spec: {service: web, backends: [{service: v1, weight: 1}, {service: v2, weight: 500m}]}
            ---
            apiVersion: specs.smi-spec.io/v1alpha1
            kind: TCPRoute
            metadata: {name: tcp}
            """
        let run = ToolRun(["convert", "--to", "split.smi-spec.io/v1alpha4", "-"], stdin: input)
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        #expect(
            run.out == """
                apiVersion: split.smi-spec.io/v1alpha4
                kind: TrafficSplit
                metadata:
                  name: canary
                spec:
                  service: web
                  backends:
                  - service: v1
                    weight: 2
                  - service: v2
                    weight: 1
                ---
                apiVersion: specs.smi-spec.io/v1alpha1
                kind: TCPRoute
                metadata:
                  name: tcp

                """)
    }

    @Test func refusesConversionsThatWouldWiden() throws {
        let file = try ToolRun.file(
            """
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: {name: db}
            spec: {matches: {ports: [5432]}}
            """, name: "route.yaml")
        let run = ToolRun(["convert", "--to=specs.smi-spec.io/v1alpha2", file])
        #expect(run.status == 1)
        #expect(run.out.isEmpty)
        #expect(
            run.err
                == "\(file):4:25: error[SMI1101]: TCPRoute default/db: spec.matches.ports: TCPRoutes before v1alpha4 cover every port; dropping the ports would widen the route\n1 error, 0 warnings in 1 document\n"
        )
    }

    @Test func invalidObjectsAreReportedNotConverted() {
        let run = ToolRun(
            ["convert", "--to", "split.smi-spec.io/v1alpha4"],
            stdin:
                "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {name: s}\nspec: {service: a, backends: [], extra: 1}\n"
        )
        #expect(run.status == 1)
        #expect(run.err.contains("error[SMI1002]: TrafficSplit default/s: spec.extra: unknown field 'extra'"))
    }

    @Test func theTargetMustBeAReleasedVersion() {
        let run = ToolRun(["convert", "--to", "split.smi-spec.io/v1beta1"])
        #expect(run.status == 2)
        #expect(run.err.contains("'split.smi-spec.io/v1beta1' is not a released SMI API version"))
    }
}

@Suite struct ValidateCommandTests {
    @Test func printsEveryDiagnosticAndASummary() throws {
        let file = try ToolRun.file(
            """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata:
              name: web
            spec:
              service: web
              backends:
              - service: web-v1
                weight: 10
              - service: web-v2
                weight: -5
            """, name: "split.yaml")
        let run = ToolRun(["validate", file])
        #expect(run.status == 1)
        #expect(run.out.isEmpty)
        #expect(
            run.err == """
                \(file):4:3: info[SMI1201]: TrafficSplit default/web: metadata: no metadata.namespace; the object is read as in namespace 'default'
                \(file):11:13: error[SMI2001]: TrafficSplit default/web: spec.backends[1].weight: must not be negative
                1 error, 0 warnings in 1 document

                """)
    }

    @Test func validInputExitsZero() {
        let run = ToolRun(["validate", "-"], stdin: "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n")
        #expect(run.status == 0)
        #expect(run.err == "0 errors, 0 warnings in 1 document\n")
    }

    @Test func syntaxErrorsAreDiagnostics() {
        let run = ToolRun(["validate"], stdin: "a: [x\n")
        #expect(run.status == 1)
        #expect(run.err.hasPrefix("<stdin>:2:1: error[SMI0001]: expected ',' or ']'"))
    }

    @Test func theQuickStartExampleIsValid() {
        let example = SharedReference.packageRoot.appendingPathComponent("Examples/quickstart/app.yaml").path
        let run = ToolRun(["validate", example])
        #expect(run.status == 0, "\(run.err)")
    }
}
