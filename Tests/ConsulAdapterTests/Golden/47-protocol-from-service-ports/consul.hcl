# service-defaults/api
Kind = "service-defaults"
Name = "api"
Protocol = "http2"
MutualTLSMode = "strict"

# service-defaults/api-v1
Kind = "service-defaults"
Name = "api-v1"
Protocol = "http2"
MutualTLSMode = "strict"

# service-defaults/api-v2
Kind = "service-defaults"
Name = "api-v2"
Protocol = "http2"
MutualTLSMode = "strict"

# service-defaults/greeter
Kind = "service-defaults"
Name = "greeter"
Protocol = "grpc"
MutualTLSMode = "strict"

# service-defaults/mixed
Kind = "service-defaults"
Name = "mixed"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/mixed-v1
Kind = "service-defaults"
Name = "mixed-v1"
Protocol = "http"
MutualTLSMode = "strict"

# service-defaults/mixed-v2
Kind = "service-defaults"
Name = "mixed-v2"
Protocol = "http"
MutualTLSMode = "strict"

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

# service-intentions/api-v1
Kind = "service-intentions"
Name = "api-v1"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/api-v2
Kind = "service-intentions"
Name = "api-v2"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/greeter
Kind = "service-intentions"
Name = "greeter"
Sources = [
  {
    Name = "web"
    Description = "SMI TrafficTarget shop/web-to-greeter"
    Permissions = [
      {
        Action = "allow"
        HTTP = {
          PathRegex = "(?:/greeter.Greeter/SayHello).*"
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

# service-intentions/mixed
Kind = "service-intentions"
Name = "mixed"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/mixed-v1
Kind = "service-intentions"
Name = "mixed-v1"
Sources = [
  {
    Name = "*"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/mixed-v2
Kind = "service-intentions"
Name = "mixed-v2"
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

# service-splitter/api
Kind = "service-splitter"
Name = "api"
Splits = [
  {
    Weight = 50
    Service = "api-v1"
  },
  {
    Weight = 50
    Service = "api-v2"
  },
]

# service-splitter/mixed
Kind = "service-splitter"
Name = "mixed"
Splits = [
  {
    Weight = 50
    Service = "mixed-v1"
  },
  {
    Weight = 50
    Service = "mixed-v2"
  },
]
