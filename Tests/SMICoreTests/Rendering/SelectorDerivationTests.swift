import SMICore
import Testing

@Suite struct SelectorDerivationTests {
    private static func selection(_ text: String, _ account: String) throws -> Result<
        SelectorDerivation.Selection, SelectorDerivation.Problem
    > {
        SelectorDerivation.selection(
            namespace: "shop", serviceAccount: account, in: Inventory(manifests: try YAMLReader().read(text)))
    }

    /// Every pod of `inventory` that one of `selectors` picks runs as `account`, and every pod
    /// of `account` but the unselectable ones is picked: the property the adapters rely on.
    private static func picksExactly(
        _ selection: SelectorDerivation.Selection, _ account: String, in inventory: Inventory
    ) -> Bool {
        let picked = inventory.workloads(namespace: "shop").filter { selection.selects($0.podLabels) }
        let own = inventory.workloads(namespace: "shop", serviceAccount: account)
        return picked.allSatisfy { $0.serviceAccount == account }
            && picked.count + selection.unselectable.count == own.count
    }

    @Test func oneSelectorWhenOneCoversTheAccount() throws {
        var inventory = Inventory(manifests: try YAMLReader().read(InventoryTests.manifests))
        inventory.workloads.removeAll { $0.name == "debug" }
        let api = try SelectorDerivation.selection(namespace: "shop", serviceAccount: "api", in: inventory).get()
        #expect(api == .init(selectors: [["app": "api"]]))
        #expect(
            SelectorDerivation.selection(namespace: "shop", serviceAccount: "nobody", in: inventory)
                == .failure(.init(message: "no workload in the inventory runs as service account shop/nobody")))
    }

    /// api-v1 and api-v2 share only app=api, which the debug Pod (another account) also has:
    /// each is selected by its own labels instead of refusing the whole account.
    @Test func oneSelectorPerWorkloadWhenNoneCoversThemAll() throws {
        let inventory = Inventory(manifests: try YAMLReader().read(InventoryTests.manifests))
        let api = try SelectorDerivation.selection(namespace: "shop", serviceAccount: "api", in: inventory).get()
        #expect(api.selectors == [["app": "api", "version": "v1"], ["app": "api", "version": "v2"]])
        #expect(api.unselectable.isEmpty && api.templateDependent.isEmpty)
        #expect(Self.picksExactly(api, "api", in: inventory))
    }

    /// The `default` account shared by a Deployment and a CronJob: the Deployment by its
    /// controller selector, the CronJob's jobs by their template labels; a workload whose every
    /// label another account's pods carry is refused alone.
    @Test func sharedDefaultAccount() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, helm.sh/chart: web-1.0.0}}
                spec: {containers: [{name: web}]}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report, namespace: shop}
            spec:
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {job: report, helm.sh/chart: web-1.0.0}}
                    spec: {containers: [{name: r}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: scratch, namespace: shop, labels: {role: tools}}
            spec: {containers: [{name: s}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: tools, namespace: shop, labels: {role: tools, team: ops}}
            spec: {serviceAccountName: ops, containers: [{name: t}]}
            """
        let inventory = Inventory(manifests: try YAMLReader().read(text))
        let shared = try Self.selection(text, "default").get()
        #expect(shared.selectors == [["app": "web"], ["job": "report"]])
        #expect(
            shared.unselectable == [
                .init(
                    message:
                        "every label of the pods of Pod shop/scratch (running as shop/default) is also on Pod shop/tools, which runs as ops"
                )
            ])
        #expect(Self.picksExactly(shared, "default", in: inventory))
    }

    /// Helm-managed workloads: the controller's own selector is used (it survives upgrades);
    /// without one, template labels that change with every release are left out.
    @Test func selectorsOutliveUpgrades() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app.kubernetes.io/name: api, app.kubernetes.io/instance: prod}}
              template:
                metadata:
                  labels: {app.kubernetes.io/name: api, app.kubernetes.io/instance: prod, helm.sh/chart: api-1.2.3, app.kubernetes.io/version: "4.5", tier: backend}
                spec: {serviceAccountName: api, containers: [{name: api}]}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate, namespace: shop}
            spec:
              template:
                metadata:
                  labels: {app.kubernetes.io/name: migrate, helm.sh/chart: api-1.2.3, app.kubernetes.io/version: "4.5"}
                spec: {serviceAccountName: migrate, containers: [{name: m}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: other, namespace: shop, labels: {app.kubernetes.io/name: other, helm.sh/chart: api-1.2.3}}
            spec: {serviceAccountName: other, containers: [{name: o}]}
            """
        let inventory = Inventory(manifests: try YAMLReader().read(text))
        #expect(
            try Self.selection(text, "api").get()
                == .init(selectors: [["app.kubernetes.io/instance": "prod", "app.kubernetes.io/name": "api"]]))
        #expect(
            try Self.selection(text, "migrate").get() == .init(selectors: [["app.kubernetes.io/name": "migrate"]]))
        // A controller selector that another account's pods satisfy is not exclusive: the
        // template labels are, without the churning ones, and the selection says so.
        var shared = inventory
        shared.workloads.append(
            Inventory.Workload(
                kind: "Pod", namespace: "shop", name: "impostor", serviceAccount: "other",
                podLabels: ["app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "prod"]))
        let api = try SelectorDerivation.selection(namespace: "shop", serviceAccount: "api", in: shared).get()
        #expect(
            api
                == .init(
                    selectors: [
                        ["app.kubernetes.io/instance": "prod", "app.kubernetes.io/name": "api", "tier": "backend"]
                    ],
                    templateDependent: ["Deployment shop/api"]))
        let warning = try #require(api.templateWarning(account: "shop/api", about: nil))
        #expect(warning.code == .templateLabelSelector && warning.severity == .warning)
        #expect(Self.picksExactly(api, "api", in: shared))
    }

    /// A selector that holds another selector's every label picks a subset of its pods, and
    /// is left out; equal selectors are one.
    @Test func redundantSelectorsAreLeftOut() throws {
        let inventory = Inventory(
            workloads: [
                .init(kind: "Pod", namespace: "shop", name: "a", serviceAccount: "api", podLabels: ["app": "a"]),
                .init(
                    kind: "Pod", namespace: "shop", name: "a-canary", serviceAccount: "api",
                    podLabels: ["app": "a", "track": "canary"]),
                .init(kind: "Pod", namespace: "shop", name: "b", serviceAccount: "api", podLabels: ["app": "b"]),
                .init(kind: "Pod", namespace: "shop", name: "b2", serviceAccount: "api", podLabels: ["app": "b"]),
                .init(kind: "Pod", namespace: "shop", name: "x", serviceAccount: "x", podLabels: ["other": "x"])
            ])
        let api = try SelectorDerivation.selection(namespace: "shop", serviceAccount: "api", in: inventory).get()
        #expect(api.selectors == [["app": "a"], ["app": "b"]])
        #expect(Self.picksExactly(api, "api", in: inventory))
    }

    /// A controller selector with `matchExpressions`: used whole where the mesh takes
    /// requirements (it alone tells the account's pods from a canary of another account that
    /// carries the same `app` label), and counted as none where policies take labels alone,
    /// which then have no exclusive selector for those pods.
    @Test func requirementsAreUsedWhereTheMeshTakesThem() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector:
                matchLabels: {app: api}
                matchExpressions: [{key: track, operator: NotIn, values: [canary]}]
              template:
                metadata: {labels: {app: api, helm.sh/chart: api-1.0}}
                spec: {serviceAccountName: api, containers: [{name: api}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api-canary, namespace: shop}
            spec:
              selector: {matchLabels: {app: api, track: canary}}
              template:
                metadata: {labels: {app: api, track: canary}}
                spec: {serviceAccountName: canary, containers: [{name: api}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: worker, namespace: shop}
            spec:
              selector: {matchExpressions: [{key: app, operator: In, values: [worker, worker-v2]}]}
              template:
                metadata: {labels: {app: worker}}
                spec: {serviceAccountName: worker, containers: [{name: w}]}
            """
        let inventory = Inventory(manifests: try YAMLReader().read(text))
        let whole = try SelectorDerivation.selection(
            namespace: "shop", serviceAccount: "api", in: inventory, requirements: true
        ).get()
        #expect(
            whole.selectors == [
                LabelSelector(
                    matchLabels: ["app": "api"],
                    matchExpressions: [.init(key: "track", operator: "NotIn", values: ["canary"])])
            ])
        #expect(whole.unselectable.isEmpty && whole.templateDependent.isEmpty)
        #expect(Self.picksExactly(whole, "api", in: inventory))
        let labelsOnly = try Self.selection(text, "api").get()
        #expect(labelsOnly.selectors.isEmpty && labelsOnly.unselectable.count == 1)
        let worker = try SelectorDerivation.selection(
            namespace: "shop", serviceAccount: "worker", in: inventory, requirements: true
        ).get()
        #expect(
            worker.selectors == [
                LabelSelector(
                    matchLabels: [:],
                    matchExpressions: [.init(key: "app", operator: "In", values: ["worker", "worker-v2"])])
            ])
        #expect(try Self.selection(text, "worker").get().selectors == [["app": "worker"]])
    }

    /// Kubernetes' meaning of each operator: `NotIn` is met without the label.
    @Test(
        arguments: [
            ("In", ["a"], ["k": "a"], true), ("In", ["a"], [:], false), ("NotIn", ["a"], ["k": "a"], false),
            ("NotIn", ["a"], [:], true), ("NotIn", ["a"], ["k": "b"], true), ("Exists", [], ["k": ""], true),
            ("Exists", [], [:], false), ("DoesNotExist", [], ["k": "a"], false), ("DoesNotExist", [], [:], true),
            ("Unknown", ["a"], ["k": "a"], false)
        ] as [(String, [String], [String: String], Bool)])
    func requirementsMatchAsKubernetesDoes(operator: String, values: [String], labels: [String: String], met: Bool) {
        let requirement = LabelSelector.Requirement(key: "k", operator: `operator`, values: values)
        #expect(requirement.matches(StringMap(labels.map { (key: $0.key, value: $0.value) })) == met)
    }
}
