# service-intentions/web-v1
Kind = "service-intentions"
Name = "web-v1"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/web-v2
Kind = "service-intentions"
Name = "web-v2"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]
