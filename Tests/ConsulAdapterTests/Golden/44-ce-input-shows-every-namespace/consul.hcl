# service-intentions/api
Kind = "service-intentions"
Name = "api"
Sources = [
  {
    Name = "cron"
    Action = "allow"
    Description = "SMI TrafficTarget shop/cron-to-api"
  },
  {
    Name = "web"
    Action = "allow"
    Description = "SMI TrafficTarget shop/web-to-api"
  },
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/cron
Kind = "service-intentions"
Name = "cron"
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
