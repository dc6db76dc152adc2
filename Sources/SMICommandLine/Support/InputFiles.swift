import Foundation
import SMICore

/// Reads the inputs a command names: files by path, or standard input for `-` (and when
/// no path is given).
enum InputFiles {
    struct Input {
        /// The name used in messages: the path as given, or `<stdin>`.
        let name: String
        let bytes: [UInt8]
    }

    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    static func read(_ paths: [String], console: Console) throws(ReadError) -> [Input] {
        let paths = paths.isEmpty ? ["-"] : paths
        var inputs: [Input] = []
        for path in paths {
            if path == "-" {
                inputs.append(Input(name: "<stdin>", bytes: console.readInput()))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw ReadError(description: "\(path): is a directory")
                }
                throw ReadError(description: "\(path): cannot read file (does it exist?)")
            }
            inputs.append(Input(name: path, bytes: [UInt8](data)))
        }
        return inputs
    }

    /// Every document of every input, and a diagnostic for each input that is not valid
    /// YAML (the documents before the error are kept).
    static func documents(_ paths: [String], console: Console) throws(ReadError) -> (documents: [ManifestDocument], errors: [Diagnostic]) {
        var documents: [ManifestDocument] = []
        var errors: [Diagnostic] = []
        for input in try read(paths, console: console) {
            do {
                try YAMLReader().forEachDocument(in: input.bytes, file: input.name) { documents.append($0) }
            } catch {
                errors.append(Diagnostic(error))
            }
        }
        return (documents, errors)
    }

    /// Every document of every input; YAML errors are written to the console and set
    /// `status` to failure. Nil, after saying why, when an input cannot be read at all.
    static func documents(_ paths: [String], console: Console, command: String, status: inout Int32) -> [ManifestDocument]? {
        do {
            let (documents, errors) = try InputFiles.documents(paths, console: console)
            for error in errors { console.error(error.description) }
            if !errors.isEmpty { status = ExitStatus.failure }
            return documents
        } catch {
            console.error("smi \(command): \(error)")
            return nil
        }
    }
}
