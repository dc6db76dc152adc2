# service-defaults/api
Kind = "service-defaults"
Name = "api"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/api-beta-split
Kind = "service-defaults"
Name = "api-beta-split"
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

# service-intentions/api-beta-split
Kind = "service-intentions"
Name = "api-beta-split"
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

# service-router/api
Kind = "service-router"
Name = "api"
Routes = [
  {
    Match = {
      HTTP = {
        PathPrefix = "/api"
        Header = [
          {
            Name = "x-beta"
            Regex = "yes"
          },
        ]
      }
    }
    Destination = {
      Service = "api-beta-split"
    }
  },
  {
    Match = {
      HTTP = {
        PathPrefix = "/api/v2/"
        Methods = [
          "POST",
          "PUT",
        ]
      }
    }
    Destination = {
      Service = "api-beta-split"
    }
  },
]

# service-splitter/api-beta-split
Kind = "service-splitter"
Name = "api-beta-split"
Splits = [
  {
    Weight = 50
    Service = "api"
    ServiceSubset = "api-v1"
  },
  {
    Weight = 50
    Service = "api"
    ServiceSubset = "api-v2"
  },
]
