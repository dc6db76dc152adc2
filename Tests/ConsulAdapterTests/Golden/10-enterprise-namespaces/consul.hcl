# service-defaults/api
Kind = "service-defaults"
Name = "api"
Namespace = "a"
Partition = "team"
Protocol = "http"
MutualTLSMode = "strict"

# service-intentions/api
Kind = "service-intentions"
Name = "api"
Namespace = "a"
Partition = "team"
Sources = [
  {
    Name = "web"
    Namespace = "a"
    Partition = "team"
    Action = "allow"
    Description = "SMI TrafficTarget a/api-access"
  },
  {
    Name = "web"
    Namespace = "b"
    Partition = "team"
    Description = "SMI TrafficTarget a/api-reads"
    Permissions = [
      {
        Action = "allow"
        HTTP = {
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
    Namespace = "*"
    Partition = "team"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/web
Kind = "service-intentions"
Name = "web"
Namespace = "a"
Partition = "team"
Sources = [
  {
    Name = "*"
    Namespace = "*"
    Partition = "team"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]

# service-intentions/web
Kind = "service-intentions"
Name = "web"
Namespace = "b"
Partition = "team"
Sources = [
  {
    Name = "*"
    Namespace = "*"
    Partition = "team"
    Action = "deny"
    Description = "SMI: deny what no TrafficTarget allows"
  },
]
