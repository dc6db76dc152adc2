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
    Description = "SMI TrafficTarget shop/api-reads"
    Permissions = [
      {
        Action = "allow"
        HTTP = {
          PathPrefix = "/items"
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

# service-intentions/cache
Kind = "service-intentions"
Name = "cache"
Sources = [
  {
    Name = "api"
    Action = "allow"
    Description = "SMI TrafficTarget shop/cache-access"
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
    Name = "api"
    Action = "allow"
    Description = "SMI TrafficTarget shop/db-access"
  },
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
