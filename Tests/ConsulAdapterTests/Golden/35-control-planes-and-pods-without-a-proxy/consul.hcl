# service-defaults/istiod
Kind = "service-defaults"
Name = "istiod"
MutualTLSMode = "strict"

# service-defaults/billing
Kind = "service-defaults"
Name = "billing"
MutualTLSMode = "strict"

# service-defaults/linkerd-destination
Kind = "service-defaults"
Name = "linkerd-destination"
MutualTLSMode = "strict"

# service-defaults/web
Kind = "service-defaults"
Name = "web"
MutualTLSMode = "strict"

# service-defaults/api
Kind = "service-defaults"
Name = "api"
MutualTLSMode = "strict"

# service-defaults/db
Kind = "service-defaults"
Name = "db"
MutualTLSMode = "strict"

# service-defaults/node-agent
Kind = "service-defaults"
Name = "node-agent"
MutualTLSMode = "strict"

# service-intentions/istiod
Kind = "service-intentions"
Name = "istiod"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/billing
Kind = "service-intentions"
Name = "billing"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/linkerd-destination
Kind = "service-intentions"
Name = "linkerd-destination"
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

# service-intentions/node-agent
Kind = "service-intentions"
Name = "node-agent"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]
