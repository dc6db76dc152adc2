#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SMICore

/// Reads the inputs a command names: files by path, or standard input for `-` (and when
/// no path is given).
enum InputFiles {
    struct Input {
        /// The name used in messages: the path as given, or `<stdin>`.
        let name: String
        let bytes: [UInt8]
        /// How to read the bytes again: nil for standard input.
        var snapshot: FileSnapshot?

        /// The input for `SMIInput`, which reads its documents again from the file when it can.
        func source(inventoryOnly: Bool) -> SMIInput.Source {
            var source = SMIInput.Source(name: name, bytes: bytes, inventoryOnly: inventoryOnly)
            if let snapshot { source.readAgain = { range in snapshot.bytes(range) } }
            return source
        }
    }

    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// The extensions a directory's files must have to be read.
    static let manifestExtensions: Set<String> = ["yaml", "yml", "json"]

    /// The bytes of each path: `-` is standard input, a directory stands for its
    /// `*.yaml`, `*.yml` and `*.json` files (not its subdirectories) in name order; no path
    /// at all is standard input unless `defaultToStandardInput` is false.
    static func read(_ paths: [String], console: Console, defaultToStandardInput: Bool = true) throws(ReadError)
        -> [Input]
    {
        var inputs: [Input] = []
        for path in paths.isEmpty && defaultToStandardInput ? ["-"] : paths {
            if path == "-" {
                inputs.append(Input(name: "<stdin>", bytes: console.readInput()))
                continue
            }
            for file in try files(at: path) {
                guard let (bytes, snapshot) = FileBytes.readKeepingSnapshot(path: file) else {
                    throw ReadError(description: "\(file): cannot read file (does it exist?)")
                }
                inputs.append(Input(name: file, bytes: bytes, snapshot: snapshot))
            }
        }
        return inputs
    }

    /// `path` itself, or the manifests of the directory it names.
    static func files(at path: String) throws(ReadError) -> [String] {
        guard FileSystem.kind(of: path) == .directory else { return [path] }
        guard let names = FileSystem.names(in: path) else {
            throw ReadError(description: "\(path): cannot list the directory")
        }
        let directory = path.hasSuffix("/") ? path : path + "/"
        let files = names.filter { name in
            guard let dot = name.lastIndex(of: "."), !name.hasPrefix(".") else { return false }
            return manifestExtensions.contains(name[name.index(after: dot)...].lowercased())
                && FileSystem.kind(of: directory + name) == .other
        }
        guard !files.isEmpty else {
            throw ReadError(description: "\(path): no *.yaml, *.yml or *.json files in the directory")
        }
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { directory + $0 }
    }

    /// The SMI objects and workloads of `paths`, and the workloads only of `inventory`, read
    /// without keeping the documents (see `SMIInput`).
    ///
    /// Nil, after saying why, when an input cannot be read at all.
    static func smiInput(_ paths: [String], inventory: [String] = [], console: Console, command: String) -> SMIInput? {
        do {
            let manifests = try read(paths, console: console).map { $0.source(inventoryOnly: false) }
            let workloads = try read(inventory, console: console, defaultToStandardInput: false).map {
                $0.source(inventoryOnly: true)
            }
            return SMIInput(manifests + workloads)
        } catch {
            console.error("smi \(command): \(error)")
            return nil
        }
    }

    /// Every object of every input (lists read as their items), and a diagnostic for each
    /// input that is not valid YAML (the documents before the error are kept) and for each
    /// list item that is not an object.
    static func documents(_ paths: [String], console: Console) throws(ReadError) -> (
        documents: [ManifestDocument], errors: [Diagnostic]
    ) {
        var documents: [ManifestDocument] = []
        var errors: [Diagnostic] = []
        for input in try read(paths, console: console) {
            // `read` uses every core on large inputs; when it fails, the documents before the
            // error are read again one by one, so that they are still used.
            if let all = try? YAMLReader().read(input.bytes, file: input.name) {
                documents += all
                continue
            }
            do {
                try YAMLReader().forEachDocument(in: input.bytes, file: input.name) { documents.append($0) }
            } catch {
                errors.append(Diagnostic(error))
            }
        }
        let objects = documents.objects
        return (objects.objects, errors + objects.problems)
    }

    /// Every object of every input; YAML errors are written to the console and set `status` to
    /// failure.
    ///
    /// Nil, after saying why, when an input cannot be read at all.
    static func documents(_ paths: [String], console: Console, command: String, status: inout Int32)
        -> [ManifestDocument]?
    {
        do {
            let (documents, errors) = try InputFiles.documents(paths, console: console)
            console.diagnostics(errors)
            if !errors.isEmpty { status = ExitStatus.failure }
            return documents
        } catch {
            console.error("smi \(command): \(error)")
            return nil
        }
    }
}
