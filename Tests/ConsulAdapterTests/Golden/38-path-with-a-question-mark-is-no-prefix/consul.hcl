# service-defaults/web
Kind = "service-defaults"
Name = "web"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/web-v1
Kind = "service-defaults"
Name = "web-v1"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/web-v2
Kind = "service-defaults"
Name = "web-v2"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/web-web-split
Kind = "service-defaults"
Name = "web-web-split"
Protocol = "http"
MutualTLSMode = "strict"

# service-intentions/client
Kind = "service-intentions"
Name = "client"
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
    Name = "client"
    Description = "SMI TrafficTarget shop/client-to-web"
    Permissions = [
      {
        Action = "allow"
        HTTP = {
          PathPrefix = "/books"
        }
      },
      {
        Action = "deny"
        HTTP = {
          Header = [
            {
              Name = ":method"
              Present = true
            },
          ]
        }
      },
    ]
  },
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/web-web-split
Kind = "service-intentions"
Name = "web-web-split"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-router/web
Kind = "service-router"
Name = "web"
Routes = [
  {
    Match = {
      HTTP = {
        PathPrefix = "/books"
      }
    }
    Destination = {
      Service = "web-web-split"
    }
  },
]

# service-splitter/web-web-split
Kind = "service-splitter"
Name = "web-web-split"
Splits = [
  {
    Weight = 50
    Service = "web-v1"
  },
  {
    Weight = 50
    Service = "web-v2"
  },
]
