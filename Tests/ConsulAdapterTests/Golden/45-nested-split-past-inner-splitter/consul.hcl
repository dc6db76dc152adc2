# service-defaults/api
Kind = "service-defaults"
Name = "api"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/api-v1
Kind = "service-defaults"
Name = "api-v1"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/api-v2
Kind = "service-defaults"
Name = "api-v2"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/api-v3
Kind = "service-defaults"
Name = "api-v3"
Protocol = "http"
MutualTLSMode = "strict"

# service-intentions/api
Kind = "service-intentions"
Name = "api"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/api-v1
Kind = "service-intentions"
Name = "api-v1"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/api-v2
Kind = "service-intentions"
Name = "api-v2"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/api-v3
Kind = "service-intentions"
Name = "api-v3"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/web
Kind = "service-intentions"
Name = "web"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-resolver/api-v2
Kind = "service-resolver"
Name = "api-v2"
Subsets = {
  "0-every-instance" = {
    Filter = ""
  }
}

# service-splitter/api
Kind = "service-splitter"
Name = "api"
Splits = [
  {
    Weight = 75
    Service = "api-v1"
  },
  {
    Weight = 25
    Service = "api-v2"
    ServiceSubset = "0-every-instance"
  },
]

# service-splitter/api-v2
Kind = "service-splitter"
Name = "api-v2"
Splits = [
  {
    Weight = 50
    Service = "api-v2"
  },
  {
    Weight = 50
    Service = "api-v3"
  },
]
