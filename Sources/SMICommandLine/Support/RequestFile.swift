#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SMICore

/// A request file that cannot be used.
struct RequestFileError: Error, CustomStringConvertible {
    let description: String
}

/// Reads `smi access --requests` files: a JSON (or YAML) array of requests, with header
/// values given as a string or a list of strings.
enum RequestFile {
    struct Entry: Decodable {
        struct Identity: Decodable {
            var namespace: String
            var serviceAccount: String
        }

        var source: Identity?
        var destination: Identity
        var port: Int
        var `protocol`: AccessRequest.TrafficProtocol
        var method: String?
        var path: String?
        var headers: [String: HeaderValues]?
    }

    struct HeaderValues: Decodable {
        var values: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                values = [one]
            } else {
                values = try container.decode([String].self)
            }
        }
    }

    static func read(_ path: String) throws(RequestFileError) -> [AccessRequest] {
        guard let data = path == "-" ? FileBytes.read(descriptor: STDIN_FILENO) : FileBytes.read(path: path) else {
            throw RequestFileError(description: "\(path): cannot read file (does it exist?)")
        }
        do {
            let root = try YAMLReader().readSingle(String(decoding: data, as: UTF8.self), file: path)
            let entries = try ManifestDecoder(rejectsUnknownKeys: true, file: path).decode([Entry].self, from: root)
            return entries.map { e in
                AccessRequest(
                    source: e.source.map { .init(namespace: $0.namespace, serviceAccount: $0.serviceAccount) },
                    destination: .init(
                        namespace: e.destination.namespace, serviceAccount: e.destination.serviceAccount),
                    port: e.port, protocol: e.protocol, method: e.method, path: e.path,
                    headers: e.headers?.mapValues(\.values))
            }
        } catch let error as YAMLError {
            throw RequestFileError(description: error.description)
        } catch let error as ManifestDecodingError {
            throw RequestFileError(description: error.description)
        } catch {
            throw RequestFileError(description: "\(path): \(error)")
        }
    }
}
