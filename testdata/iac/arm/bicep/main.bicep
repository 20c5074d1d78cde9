@description('Name of the web app')
param siteName string = 'shop-web'

param minTls string = '1.0'

resource site 'Microsoft.Web/sites@2023-01-01' = {
  name: siteName
  location: resourceGroup().location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    httpsOnly: true
    siteConfig: {
      minTlsVersion: minTls
      ftpsState: 'FtpsOnly'
      remoteDebuggingEnabled: siteName == 'shop-web'
    }
  }
}
