// No compiled orphan.json beside this file: tollgate cannot scan it and says so.
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'orphanst'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    supportsHttpsTrafficOnly: false
  }
}
