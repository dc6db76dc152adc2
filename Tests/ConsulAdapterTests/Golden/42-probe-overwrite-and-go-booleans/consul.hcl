# service-defaults/api
Kind = "service-defaults"
Name = "api"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/batch
Kind = "service-defaults"
Name = "batch"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/worker
Kind = "service-defaults"
Name = "worker"
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

# service-intentions/batch
Kind = "service-intentions"
Name = "batch"
Sources = [
  {
    Name = "web"
    Description = "SMI TrafficTarget shop/batch-reads"
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

# service-intentions/worker
Kind = "service-intentions"
Name = "worker"
Sources = [
  {
    Name = "web"
    Description = "SMI TrafficTarget shop/worker-reads"
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
