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
    Name = "web"
    Action = "allow"
    Description = "SMI TrafficTarget shop/all-http"
  },
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/db
Kind = "service-intentions"
Name = "db"
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
