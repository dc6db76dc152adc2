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

# service-defaults/web-v3
Kind = "service-defaults"
Name = "web-v3"
Protocol = "http"
MutualTLSMode = "strict"

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

# service-splitter/web
Kind = "service-splitter"
Name = "web"
Splits = [
  {
    Weight = 9.09
    Service = "web-v1"
  },
  {
    Weight = 72.72
    Service = "web-v2"
  },
  {
    Weight = 18.19
    Service = "web-v3"
  },
]
