# service-defaults/api
Kind = "service-defaults"
Name = "api"
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

# service-resolver/api
Kind = "service-resolver"
Name = "api"
Subsets = {
  api-v1 = {
    Filter = "Service.Meta.version == \"v1\""
  }
  api-v2 = {
    Filter = "Service.Meta.version == \"v2\""
  }
}

# service-splitter/api
Kind = "service-splitter"
Name = "api"
Splits = [
  {
    Weight = 90
    Service = "api"
    ServiceSubset = "api-v1"
  },
  {
    Weight = 10
    Service = "api"
    ServiceSubset = "api-v2"
  },
]
