# service-defaults/orders
Kind = "service-defaults"
Name = "orders"
Protocol = "http"
MutualTLSMode = "strict"

# service-intentions/orders
Kind = "service-intentions"
Name = "orders"
Sources = [
  {
    Name = "web"
    Description = "SMI TrafficTarget backend/orders"
    Permissions = [
      {
        Action = "allow"
        HTTP = {
          PathPrefix = "/orders"
          Methods = [
            "POST",
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
