# service-defaults/api
Kind = "service-defaults"
Name = "api"
Protocol = "http"
MutualTLSMode = "strict"

# service-intentions/prometheus
Kind = "service-intentions"
Name = "prometheus"
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
    Name = "prometheus"
    Description = "SMI TrafficTarget shop/scrape"
    Permissions = [
      {
        Action = "allow"
        HTTP = {
          PathExact = "/metrics"
          Methods = [
            "GET",
          ]
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
