// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// ITrustRegistryAdmission is an auto generated low-level Go binding around an user-defined struct.
type ITrustRegistryAdmission struct {
	Status          uint8
	Capabilities    uint64
	AdmittedBlock   *big.Int
	RevokedAllBlock *big.Int
}

// ITrustRegistryAuthorization is an auto generated low-level Go binding around an user-defined struct.
type ITrustRegistryAuthorization struct {
	ValidFrom   *big.Int
	ValidUntil  *big.Int
	RevokedAt   *big.Int
	IssuedBlock *big.Int
}

// ITrustRegistryRealm is an auto generated low-level Go binding around an user-defined struct.
type ITrustRegistryRealm struct {
	Root         common.Address
	RootSetBlock *big.Int
}

// ITrustRegistryRoot is an auto generated low-level Go binding around an user-defined struct.
type ITrustRegistryRoot struct {
	Kind          uint8
	Status        uint8
	Policy        uint8
	Threshold     uint8
	MemberCount   uint8
	Epoch         uint32
	EpochBlock    *big.Int
	Sequence      uint64
	ConfigVersion uint32
}

// WmpCertificatesAuthorityCertificate is an auto generated low-level Go binding around an user-defined struct.
type WmpCertificatesAuthorityCertificate struct {
	ChainId           *big.Int
	VerifyingContract common.Address
	ValidFrom         *big.Int
	Issuer            common.Address
	Subject           common.Address
	Realm             common.Address
	Capabilities      uint64
	Meta              string
}

// WmpCertificatesDelegateCertificate is an auto generated low-level Go binding around an user-defined struct.
type WmpCertificatesDelegateCertificate struct {
	ChainId           *big.Int
	VerifyingContract common.Address
	ValidFrom         *big.Int
	Delegate          common.Address
	CsPubKey          [32]byte
	BootedAt          uint64
	Meta              string
}

// TrustRegistryMetaData contains all meta data concerning the TrustRegistry contract.
var TrustRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"function\",\"name\":\"AUTHORITY_CERTIFICATE_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DELEGATE_CERTIFICATE_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_MEMBERS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"RELAYED_CALL_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"WMP_DOMAIN_SEPARATOR\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"WMP_DOMAIN_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"acceptRealm\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"admitOperator\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"approvalsOf\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"count\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"approveRootAction\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"executed\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"authorityCertificateDigest\",\"inputs\":[{\"name\":\"cert\",\"type\":\"tuple\",\"internalType\":\"structWmpCertificates.AuthorityCertificate\",\"components\":[{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"meta\",\"type\":\"string\",\"internalType\":\"string\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"authorizationStatus\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AuthorizationStatus\"},{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"issuerCapabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"authorize\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"bumpEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"epoch\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"cancelRealmCARequest\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"certificateRevokedAt\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"delegateCertificateDigest\",\"inputs\":[{\"name\":\"cert\",\"type\":\"tuple\",\"internalType\":\"structWmpCertificates.DelegateCertificate\",\"components\":[{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"csPubKey\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"bootedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"meta\",\"type\":\"string\",\"internalType\":\"string\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"execute\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"result\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"getAdmission\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structITrustRegistry.Admission\",\"components\":[{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionStatus\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"admittedBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"revokedAllBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getAuthorization\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structITrustRegistry.Authorization\",\"components\":[{\"name\":\"validFrom\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"revokedAt\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"issuedBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRealm\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structITrustRegistry.Realm\",\"components\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"rootSetBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoot\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structITrustRegistry.Root\",\"components\":[{\"name\":\"kind\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.RootKind\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.RootStatus\"},{\"name\":\"policy\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"memberCount\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"epoch\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"epochBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"configVersion\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isAuthorized\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isMember\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"membersOf\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nonces\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nonces\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"key\",\"type\":\"uint192\",\"internalType\":\"uint192\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingRealmCA\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"registerRoot\",\"inputs\":[{\"name\":\"policy\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"registerSharedRoot\",\"inputs\":[{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"members\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"policy\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"}],\"outputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"relayedCallDigest\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"removeOperator\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestAdmission\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestRealmCA\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"retire\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revoke\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeAllDelegates\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeCertificate\",\"inputs\":[{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"rootActionId\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"setMembers\",\"inputs\":[{\"name\":\"members\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setPolicy\",\"inputs\":[{\"name\":\"policy\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"sharedRootAddress\",\"inputs\":[{\"name\":\"registrar\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"useNonce\",\"inputs\":[{\"name\":\"key\",\"type\":\"uint192\",\"internalType\":\"uint192\"}],\"outputs\":[{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"verifyAuthorityCertificate\",\"inputs\":[{\"name\":\"cert\",\"type\":\"tuple\",\"internalType\":\"structWmpCertificates.AuthorityCertificate\",\"components\":[{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"meta\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"verifyDelegateCertificate\",\"inputs\":[{\"name\":\"cert\",\"type\":\"tuple\",\"internalType\":\"structWmpCertificates.DelegateCertificate\",\"components\":[{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"csPubKey\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"bootedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"meta\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"AdmissionRequested\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"CertificateRevoked\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DelegateAuthorized\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DelegateRevoked\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DelegatesRevokedAll\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"blockNumber\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NonceUsed\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OperatorAdmitted\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OperatorRemoved\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RealmCARequestCancelled\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RealmCARequested\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RealmCASet\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"previousRoot\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RelayedCallExecuted\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootActionApproved\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"actionId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"member\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"approvals\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootActionExecuted\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"actionId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootEpochBumped\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"epochBlock\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootMembersChanged\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"members\",\"type\":\"address[]\",\"indexed\":false,\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"configVersion\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootPolicyChanged\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"policy\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootRegistered\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"kind\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumITrustRegistry.RootKind\"},{\"name\":\"policy\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"},{\"name\":\"registrar\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootRetired\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"DelegateRegistryAlreadyRevoked\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"DelegateRegistryCertificateAlreadyRevoked\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"DelegateRegistryInvalidValidity\",\"inputs\":[{\"name\":\"validFrom\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"}]},{\"type\":\"error\",\"name\":\"DelegateRegistryNotAuthorized\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"InvalidAccountNonce\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"currentNonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RealmRegistryAdmissionNotRequested\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryAdmissionPrivate\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryNotAdmitted\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryNotRealmCA\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryRealmCANotPending\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryRealmCANotRequested\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryUnknownRealm\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RelayedActorCallNotRelayable\",\"inputs\":[{\"name\":\"selector\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}]},{\"type\":\"error\",\"name\":\"RelayedActorCallTooShort\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RelayedActorExpiredSignature\",\"inputs\":[{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"RelayedActorInvalidSignature\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"TrustRegistryNoChange\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"TrustRegistryZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"TrustrootRegistryAlreadyApproved\",\"inputs\":[{\"name\":\"member\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"actionId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryInvalidMembers\",\"inputs\":[{\"name\":\"memberCount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryNotMember\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryNotSharedRoot\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryRootExists\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryRootNotActive\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"WmpCapabilitiesInvalidCapabilities\",\"inputs\":[{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}]",
	ID:  "TrustRegistry",
	Bin: "0x610160604052348015610010575f5ffd5b506040518060400160405280601781526020017f57414d502d453245452054727573745265676973747279000000000000000000815250604051806040016040528060018152602001603160f81b8152506100708261011760201b60201c565b6101205261007d81610117565b61014052815160208084019190912060e052815190820120610100524660a05261010960e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526101b8565b5f5f829050601f8151111561014a578260405163305a27a960e01b8152600401610141919061015d565b60405180910390fd5b805161015582610192565b179392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156101b2575f198160200360031b1b821691505b50919050565b60805160a05160c05160e0516101005161012051610140516158ff6102095f395f613b3a01525f613b0a01525f61498501525f61495d01525f6148b801525f6148e201525f61490c01526158ff5ff3fe608060405234801561000f575f5ffd5b50600436106102f9575f3560e01c80638b6bd95b11610192578063bef37613116100e8578063d6044f1d11610093578063ea0e35b11161006e578063ea0e35b114610922578063f20b20c41461092a578063f2132a001461093d575f5ffd5b8063d6044f1d146108df578063d86b407f146108fc578063dcf3fb2a1461090f575f5ffd5b8063c49e8938116100c3578063c49e8938146107ae578063c63b6765146107c1578063c6cbc52a146108cc575f5ffd5b8063bef37613146106d2578063c074ce3e146106e5578063c260d60d146106f8575f5ffd5b8063998060bd11610148578063a4874d7711610123578063a4874d771461067f578063b38e7d2c14610687578063b6e77c53146106bf575f5ffd5b8063998060bd1461062d5780639f82993d14610650578063a2b6de8a14610677575f5ffd5b80638f54b44a116101785780638f54b44a146105f45780639388020714610607578063995297291461061a575f5ffd5b80638b6bd95b146105ce5780638c64dcee146105e1575f5ffd5b8063534413581161025257806374bce0bc116101fd5780637d1c2e78116101d85780637d1c2e781461055e5780637ecebe001461057e57806384b0196e146105b3575f5ffd5b806374bce0bc1461052557806378f4a361146105385780637c145cc71461054b575f5ffd5b80635c9ed8301161022d5780635c9ed830146104c457806365bf57d8146104eb578063741e3699146104fe575f5ffd5b80635344135814610471578063541e0703146104845780635bab78f2146104a4575f5ffd5b806339ac7a08116102b2578063462f41ff1161028d578063462f41ff146104385780634a2f8b141461044b5780634ea18edd1461045e575f5ffd5b806339ac7a08146103a45780633ba2e65c146103eb57806340b61fe914610423575f5ffd5b806319913225116102e2578063199132251461035b5780631fbeae491461037e578063386829c814610391575f5ffd5b8063079cf76e146102fd5780630d995ee214610326575b5f5ffd5b61031061030b366004614bed565b610964565b60405161031d9190614c50565b60405180910390f35b61034d7fb03948446334eb9b2196d5eb166f69b9d49403eb4a12f36de8d3f9f3cb8e15c381565b60405190815260200161031d565b61036e610369366004614d68565b610b0e565b604051901515815260200161031d565b61034d61038c366004614dcd565b610dc5565b61036e61039f366004614e10565b610e33565b61036e6103b2366004614e60565b73ffffffffffffffffffffffffffffffffffffffff9182165f908152600660209081526040808320939094168252919091522054151590565b6103fe6103f9366004614e91565b610ea3565b60405173ffffffffffffffffffffffffffffffffffffffff909116815260200161031d565b610436610431366004614e60565b610f49565b005b61034d610446366004614eb9565b611204565b610436610459366004614bed565b6112ae565b61034d61046c366004614d68565b611358565b61043661047f366004614bed565b611416565b610497610492366004614e60565b61164b565b60405161031d9190614f19565b6104b76104b2366004614bed565b61170c565b60405161031d9190614f72565b61034d7f43ee3bbb34d5e4fa65e905c83d5090865207639e2d8ba48cd446faca6f961b7b81565b61034d6104f9366004614d68565b611799565b61034d7fc0c557c364444bdd56d8ee0ec1d8b9cdb815bc22106133a9fd6b66269f42f8d381565b610436610533366004614fd8565b6117c6565b61036e610546366004614ff1565b611931565b61036e610559366004615025565b61193f565b61057161056c366004615065565b611976565b60405161031d9190615143565b61034d61058c366004614bed565b73ffffffffffffffffffffffffffffffffffffffff165f9081526002602052604090205490565b6105bb611a9b565b60405161031d9796959493929190615155565b6104366105dc366004614fd8565b611af9565b6104366105ef36600461522b565b611b15565b61034d610602366004615253565b611e27565b610436610615366004614bed565b611e34565b6103fe6106283660046152d6565b611fce565b61064061063b366004615025565b612009565b60405161031d9493929190615340565b61034d7f158911a349ced51714c94e52e73209a19e10d8527527721c624c24cd03fd4ee281565b610436612400565b61043661248c565b6103fe610695366004614bed565b73ffffffffffffffffffffffffffffffffffffffff9081165f908152600960205260409020541690565b6104366106cd366004615398565b612586565b61034d6106e0366004615406565b612636565b6104366106f3366004615443565b612715565b610775610706366004614bed565b6040805180820182525f808252602091820181905273ffffffffffffffffffffffffffffffffffffffff93841681526008825282902082518084019093525492831682527401000000000000000000000000000000000000000090920465ffffffffffff169181019190915290565b60408051825173ffffffffffffffffffffffffffffffffffffffff16815260209283015165ffffffffffff16928101929092520161031d565b61034d6107bc366004614e91565b6129c2565b6108756107cf366004615025565b60408051608080820183525f8083526020808401829052838501829052606093840182905284519788528781019690965286840194909452948190208352600b845291819020815194850182525465ffffffffffff8082168652660100000000000082048116948601949094526c010000000000000000000000008104841691850191909152720100000000000000000000000000000000000090049091169082015290565b60405161031d91905f60808201905065ffffffffffff835116825265ffffffffffff602084015116602083015265ffffffffffff604084015116604083015265ffffffffffff606084015116606083015292915050565b6104366108da366004615494565b6129ef565b6108e7612aca565b60405163ffffffff909116815260200161031d565b61034d61090a3660046154ab565b612c76565b61043661091d366004614e60565b612ce4565b61034d602081565b6104366109383660046154c4565b612e85565b61034d7fdc0e8792b7686fb0055371eb446d16133dee9a6f7e8ec92e04df459beb3f3a0a81565b6109b0604080516101208101909152805f81526020015f81526020015f81525f6020820181905260408201819052606082018190526080820181905260a0820181905260c09091015290565b73ffffffffffffffffffffffffffffffffffffffff82165f9081526004602052604090819020815161012081019092528054829060ff1660028111156109f8576109f8614c06565b6002811115610a0957610a09614c06565b81528154602090910190610100900460ff166002811115610a2c57610a2c614c06565b6002811115610a3d57610a3d614c06565b8152815460209091019062010000900460ff166002811115610a6157610a61614c06565b6002811115610a7257610a72614c06565b8152905460ff6301000000820481166020840152640100000000820416604083015263ffffffff6501000000000082048116606084015265ffffffffffff6901000000000000000000830416608084015267ffffffffffffffff6f0100000000000000000000000000000083041660a0840152770100000000000000000000000000000000000000000000009091041660c09091015292915050565b5f5f610b186130d9565b90505f610b248661311d565b90506002815460ff166002811115610b3e57610b3e614c06565b14610b92576040517f60b93c4400000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff871660048201526024015b60405180910390fd5b610b9c85856131b2565b73ffffffffffffffffffffffffffffffffffffffff8087165f90815260066020908152604080832093861683529290529081205490819003610c2a576040517f3f8e0f0500000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff808516600483015288166024820152604401610b89565b5f610c36888888611358565b90505f610c44600184615528565b5f83815260076020526040902054600190911b915080821615610cb2576040517f467570f900000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8716600482015260248101849052604401610b89565b81175f610cbe826132a5565b90508673ffffffffffffffffffffffffffffffffffffffff16848c73ffffffffffffffffffffffffffffffffffffffff167f4554d402d499f9ac6044a033f4ae19abbb5bcf6079999e343818ac5013bedf0684604051610d2091815260200190565b60405180910390a485546301000000900460ff16811015610d5657505f92835260076020526040832055509350610dbe92505050565b5f8481526007602052604080822082905551859173ffffffffffffffffffffffffffffffffffffffff8e16917fc3e652dd42f5b3614ce56c0d9094fadb50c22b5096251d0c5f30a9ff3c8b44979190a3610db18b8b8b6132cc565b5060019750505050505050505b9392505050565b5f610e2d610dd283613384565b6040517f190100000000000000000000000000000000000000000000000000000000000081527f43ee3bbb34d5e4fa65e905c83d5090865207639e2d8ba48cd446faca6f961b7b600282015260228101919091526042902090565b92915050565b5f5f610e41610dd286613483565b9050600c5f610e68610e596080890160608a01614bed565b845f9182526020526040902090565b81526020019081526020015f20545f148015610e9a5750610e9a610e926080870160608801614bed565b82868661358d565b95945050505050565b5f8282604051602001610f0c9291906060808252601a908201527f57414d502d4532454520736861726564207472757374726f6f74000000000000608082015273ffffffffffffffffffffffffffffffffffffffff929092166020830152604082015260a00190565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe081840301815291905280516020909101209392505050565b5f5f610f548461361f565b915091505f610f616130d9565b90508273ffffffffffffffffffffffffffffffffffffffff168173ffffffffffffffffffffffffffffffffffffffff1614158015610fcb57508373ffffffffffffffffffffffffffffffffffffffff168173ffffffffffffffffffffffffffffffffffffffff1614155b15611022576040517fc8198ab500000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff808316600483015286166024820152604401610b89565b5f600a5f61103988885f9182526020526040902090565b815260208101919091526040015f2090506002815460ff16600381111561106257611062614c06565b1415801561108657506001815460ff16600381111561108357611083614c06565b14155b156110dd576040517f7524a34f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff808716600483015287166024820152604401610b89565b805465ffffffffffff43166f010000000000000000000000000000009081027fffffffffffffffffffffff000000000000ffffffffffffffffffffffffffff0090921691909117600317825583545f918591600f916111489167ffffffffffffffff9190041661553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508573ffffffffffffffffffffffffffffffffffffffff168773ffffffffffffffffffffffffffffffffffffffff168673ffffffffffffffffffffffffffffffffffffffff167fc5555e2181042f3b6c23370b61335842f7cc2204f013c270946134fc02a16484846040516111f3919067ffffffffffffffff91909116815260200190565b60405180910390a450505050505050565b5f6112a47fdc0e8792b7686fb0055371eb446d16133dee9a6f7e8ec92e04df459beb3f3a0a87878760405161123a929190615567565b6040519081900381206112899392918890889060200194855273ffffffffffffffffffffffffffffffffffffffff93909316602085015260408401919091526060830152608082015260a00190565b604051602081830303815290604052805190602001206136a8565b9695505050505050565b5f6112b76130d9565b90505f6112c38261311d565b73ffffffffffffffffffffffffffffffffffffffff8481165f90815260096020526040902054919250838116911614611348576040517fbec1602400000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff808516600483015283166024820152604401610b89565b6113538383836136ef565b505050565b73ffffffffffffffffffffffffffffffffffffffff83165f90815260046020526040808220549051859177010000000000000000000000000000000000000000000000900463ffffffff16906113b19086908690615567565b6040519081900381206113f793929160200173ffffffffffffffffffffffffffffffffffffffff93909316835263ffffffff919091166020830152604082015260600190565b6040516020818303038152906040528051906020012090509392505050565b5f61141f6130d9565b90505f61142b8361311d565b90508273ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff160361146b576113538284836136ef565b73ffffffffffffffffffffffffffffffffffffffff8083165f9081526009602052604090205481169084168114806114cb575073ffffffffffffffffffffffffffffffffffffffff8381165f908152600860205260409020548116908516145b15611502576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b73ffffffffffffffffffffffffffffffffffffffff811615611528576115288382613961565b73ffffffffffffffffffffffffffffffffffffffff8381165f90815260096020526040812080547fffffffffffffffffffffffff0000000000000000000000000000000000000000169287169290921790915582548390600f906115a8906f01000000000000000000000000000000900467ffffffffffffffff1661553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508473ffffffffffffffffffffffffffffffffffffffff168473ffffffffffffffffffffffffffffffffffffffff167fb567aa95704549dab45f58cbea6acaa300cf1e3ac56040300e8fe99959e3fcbf8360405161163c919067ffffffffffffffff91909116815260200190565b60405180910390a35050505050565b60408051608080820183525f8083526020808401829052838501829052606084018290528682528581528482208252600a90528390208351918201909352825491929091829060ff1660038111156116a5576116a5614c06565b60038111156116b6576116b6614c06565b8152905467ffffffffffffffff610100820416602083015265ffffffffffff69010000000000000000008204811660408401526f0100000000000000000000000000000090910416606090910152905092915050565b73ffffffffffffffffffffffffffffffffffffffff81165f9081526005602090815260409182902080548351818402810184019094528084526060939283018282801561178d57602002820191905f5260205f20905b815473ffffffffffffffffffffffffffffffffffffffff168152600190910190602001808311611762575b50505050509050919050565b5f6117be60075f6117ab878787611358565b81526020019081526020015f20546132a5565b949350505050565b5f6117cf6130d9565b90505f6117db8261311d565b90508260028111156117ef576117ef614c06565b815462010000900460ff16600281111561180b5761180b614c06565b03611842576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8054839082907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffff166201000083600281111561188057611880614c06565b021790555080545f908290600f906118b4906f01000000000000000000000000000000900467ffffffffffffffff1661553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508273ffffffffffffffffffffffffffffffffffffffff167fe22bf4ba6637203c0c49ee779c66cbf8f6657baa9a79736089c8250da6d7b55b8583604051611923929190615576565b60405180910390a250505050565b5f5f610e41610dd286613384565b5f5f61194c858585612009565b509192505f915061195a9050565b81600b81111561196c5761196c614c06565b1495945050505050565b6060834211156119b5576040517fe6269ee000000000000000000000000000000000000000000000000000000000815260048101859052602401610b89565b6119bf87876131b2565b6119c98886613a87565b5f6119d78989898989611204565b90506119e58982868661358d565b611a33576040517f7e112aa100000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8a166004820152602401610b89565b8873ffffffffffffffffffffffffffffffffffffffff167f106bb652d2413d012f87e87ec85f9e337ecd800b7edb341f292dc6d986a9c65b87604051611a7b91815260200190565b60405180910390a2611a8e8989896132cc565b9998505050505050505050565b5f6060805f5f5f6060611aac613b03565b611ab4613b33565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b5f611b026130d9565b9050611b118160018484613b5e565b5050565b5f611b1e6130d9565b90505f5f611b2b8561361f565b91509150611b3884613f1c565b6002815462010000900460ff166002811115611b5657611b56614c06565b03611ba5576040517f34d1f7ec00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff83166004820152602401610b89565b5f600a5f611bbc88875f9182526020526040902090565b815260208101919091526040015f9081209150825462010000900460ff166002811115611beb57611beb614c06565b03611c6557805467ffffffffffffffff86811661010090920416148015611c185750611c18818784613f82565b15611c4f576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b611c5d83838887858a614030565b505050505050565b805467ffffffffffffffff86811661010090920416148015611c9d5750611c8c8187614183565b80611c9d5750611c9d818784613f82565b15611cd4576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b805465ffffffffffff43166901000000000000000000027fffffffffffffffffffffffffffffffffff000000000000ffffffffffffffffff67ffffffffffffffff88811661010002919091167fffffffffffffffffffffffffffffffffff0000000000000000000000000000009093169290921717600117825582545f918491600f91611d74916f0100000000000000000000000000000090041661553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508473ffffffffffffffffffffffffffffffffffffffff168773ffffffffffffffffffffffffffffffffffffffff168573ffffffffffffffffffffffffffffffffffffffff167f99d05cea7637760ec89761b58a0b231d08a0596b4ea94d8db3ecaa5cf6bd41ab89856040516111f392919067ffffffffffffffff92831681529116602082015260400190565b5f610e2d610dd283613483565b5f611e3d6130d9565b90505f600a5f611e5685855f9182526020526040902090565b815260208101919091526040015f2090506002815460ff166003811115611e7f57611e7f614c06565b14611ed6576040517f7524a34f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff808416600483015284166024820152604401610b89565b8054439065ffffffffffff8083166f010000000000000000000000000000009092041603611f30576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b81547fffffffffffffffffffffff000000000000ffffffffffffffffffffffffffffff166f0100000000000000000000000000000065ffffffffffff831690810291909117835560405190815273ffffffffffffffffffffffffffffffffffffffff85811691908516907fa161eab84077f48e3a8b3244172a3bb79ccf01f5b9d5f20a377de1b0c2caa3a9906020015b60405180910390a350505050565b5f5f611fd86130d9565b9050611fe48188610ea3565b9150611ff38260028584613b5e565b611fff82878787614201565b5095945050505050565b5f5f5f5f5f600b5f6120318a8a8a604080519384526020840192909252908201526060902090565b815260208082019290925260409081015f9081208251608081018452905465ffffffffffff80821683526601000000000000820481169583018690526c0100000000000000000000000082048116948301949094527201000000000000000000000000000000000000900490921660608301819052929450909250036120c15750600193505f91508190506123f7565b73ffffffffffffffffffffffffffffffffffffffff8781165f908152600860209081526040918290208251808401909352549283168083527401000000000000000000000000000000000000000090930465ffffffffffff1690820152909450846121355750600594505f92506123f79050565b73ffffffffffffffffffffffffffffffffffffffff85165f90815260046020526040902060018154610100900460ff16600281111561217657612176614c06565b1461218b5750600695505f93506123f7915050565b8054606084015165ffffffffffff690100000000000000000090920482169116116121c05750600795505f93506123f7915050565b8573ffffffffffffffffffffffffffffffffffffffff168a73ffffffffffffffffffffffffffffffffffffffff16036121fc5760ff945061236b565b5f600a5f6122138c8e5f9182526020526040902090565b8152602081019190915260409081015f208151608081019092528054829060ff16600381111561224557612245614c06565b600381111561225657612256614c06565b8152905467ffffffffffffffff610100820416602083015265ffffffffffff69010000000000000000008204811660408401526f010000000000000000000000000000009091041660609091015290506002815160038111156122bb576122bb614c06565b1415806122e05750826020015165ffffffffffff16816040015165ffffffffffff1611155b8061230957508154604082015165ffffffffffff69010000000000000000009092048216911611155b1561231f5750600996505f94506123f792505050565b60208101519550600286165f0361233d57600a9750505050506123f7565b806060015165ffffffffffff16846060015165ffffffffffff161161236957600b9750505050506123f7565b505b816020015165ffffffffffff16836060015165ffffffffffff161161239657600896505050506123f7565b604083015165ffffffffffff16156123b457600496505050506123f7565b825165ffffffffffff164210156123d157600296505050506123f7565b826020015165ffffffffffff1642106123f057600396505050506123f7565b5f96505050505b93509350935093565b5f6124096130d9565b73ffffffffffffffffffffffffffffffffffffffff8082165f908152600960205260409020549192501680612482576040517f87de644a00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff83166004820152602401610b89565b611b118282613961565b5f6124956130d9565b90505f6124a18261311d565b80547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ff16610200178082559091505f908290600f906124fc906f01000000000000000000000000000000900467ffffffffffffffff1661553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508273ffffffffffffffffffffffffffffffffffffffff167f148011fdda62c49d32953dd3780e9595ce48eadbcfa3abfd00b42b073a0a2df982604051612579919067ffffffffffffffff91909116815260200190565b60405180910390a2505050565b5f61258f6130d9565b9050600273ffffffffffffffffffffffffffffffffffffffff82165f9081526004602052604090205460ff1660028111156125cc576125cc614c06565b1461261b576040517f60b93c4400000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff82166004820152602401610b89565b6126248161465f565b61263081858585614201565b50505050565b5f77ffffffffffffffffffffffffffffffffffffffffffffffff8216156126ec5773ffffffffffffffffffffffffffffffffffffffff83165f90815260036020908152604080832077ffffffffffffffffffffffffffffffffffffffffffffffff861684529091529020546126e790839067ffffffffffffffff1667ffffffffffffffff1660409190911b7fffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000161790565b610dbe565b505073ffffffffffffffffffffffffffffffffffffffff165f9081526002602052604090205490565b73ffffffffffffffffffffffffffffffffffffffff8416158061274c575073ffffffffffffffffffffffffffffffffffffffff8316155b15612783576040517f8924f36600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f65ffffffffffff82161561279857816127a0565b65ffffffffffff5b90508265ffffffffffff168165ffffffffffff16116127fd576040517f34ae8aab00000000000000000000000000000000000000000000000000000000815265ffffffffffff808516600483015283166024820152604401610b89565b5f6128066130d9565b905060405180608001604052808565ffffffffffff1681526020018365ffffffffffff1681526020015f65ffffffffffff1681526020014365ffffffffffff16815250600b5f61286c848a8a604080519384526020840192909252908201526060902090565b815260208082019290925260409081015f2083518154938501518584015160609096015165ffffffffffff9081167201000000000000000000000000000000000000027fffffffffffffffff000000000000ffffffffffffffffffffffffffffffffffff9782166c0100000000000000000000000002979097167fffffffffffffffff000000000000000000000000ffffffffffffffffffffffff9282166601000000000000027fffffffffffffffffffffffffffffffffffffffff00000000000000000000000090971691909316179490941793909316929092179290921790555173ffffffffffffffffffffffffffffffffffffffff80871691888216918416907f1fb46cf37e6b640162dbde78ca8215b137c87d9b0681934706d7edf8da13c546906129b2908990889065ffffffffffff92831681529116602082015260400190565b60405180910390a4505050505050565b5f600c5f6129d985855f9182526020526040902090565b81526020019081526020015f2054905092915050565b5f6129f86130d9565b90505f612a0e82845f9182526020526040902090565b5f818152600c602052604090205490915015612a75576040517f6b7ec1f400000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8316600482015260248101849052604401610b89565b5f818152600c602052604080822042905551849173ffffffffffffffffffffffffffffffffffffffff8516917f16e15024b75c1a44a4fdc8bf0618b080dccd8897d187afcc98a9bc771313369b9190a3505050565b5f5f612ad46130d9565b90505f612ae08261311d565b8054909150439065ffffffffffff80831669010000000000000000009092041603612b37576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b81548290600590612b569065010000000000900463ffffffff1661559c565b82546101009290920a63ffffffff81810219909316928216029190911790915582547fffffffffffffffffffffffffffffffffff000000000000ffffffffffffffffff16690100000000000000000065ffffffffffff841602178084559094505f908390600f90612be3906f01000000000000000000000000000000900467ffffffffffffffff1661553b565b825467ffffffffffffffff8083166101009490940a848102910219909116179092556040805163ffffffff8916815265ffffffffffff861660208201529081019190915290915073ffffffffffffffffffffffffffffffffffffffff8516907fd98764e0d36d3d9eb4e934147a5386dc1d11056d2c3e86fc8211dab1262c18159060600160405180910390a25050505090565b5f5f612c806130d9565b9050612c8c81846146ee565b91508073ffffffffffffffffffffffffffffffffffffffff167f2af71f10069c28afc67c3752e87e0e4616a97948d33c8f404a856c0c334b3e0183604051612cd691815260200190565b60405180910390a250919050565b5f612ced6130d9565b90505f600b5f612d13848787604080519384526020840192909252908201526060902090565b81526020019081526020015f2090505f81549050609081901c5f03612d8c576040517fec6777b500000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8085166004830152808716602483015285166044820152606401610b89565b606081901c65ffffffffffff1615612df8576040517fddfc907500000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8085166004830152808716602483015285166044820152606401610b89565b5f4265ffffffffffff1690508060601b821783558473ffffffffffffffffffffffffffffffffffffffff168673ffffffffffffffffffffffffffffffffffffffff168573ffffffffffffffffffffffffffffffffffffffff167f3d4d42395b16bca9512c80c1fbff356932d95ad04bf1ca95408369fb9876335260405160405180910390a4505050505050565b5f5f612e908561361f565b915091505f612e9d6130d9565b90508273ffffffffffffffffffffffffffffffffffffffff168173ffffffffffffffffffffffffffffffffffffffff1614612f24576040517fc8198ab500000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff808316600483015287166024820152604401610b89565b73ffffffffffffffffffffffffffffffffffffffff8516612f71576040517f8924f36600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b612f7a84613f1c565b5f600a5f612f9189895f9182526020526040902090565b815260208101919091526040015f2090506001835462010000900460ff166002811115612fc057612fc0614c06565b0361306357612fcf8188614183565b158015612fe45750612fe2818885613f82565b155b806130045750805467ffffffffffffffff61010090910481161986161615155b15613063576040517ff6cc985a00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8716600482015267ffffffffffffffff86166024820152604401610b89565b805467ffffffffffffffff8681166101009092041614801561308b575061308b818885613f82565b156130c2576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6130d084848989858a614030565b50505050505050565b5f33301480156130ea575060183610155b15613118575f366130fc601482615528565b6131079282906155b7565b613110916155de565b60601c905090565b503390565b73ffffffffffffffffffffffffffffffffffffffff81165f90815260046020526040902060018154610100900460ff16600281111561315e5761315e614c06565b146131ad576040517f488ea24500000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff83166004820152602401610b89565b919050565b60048110156131ed576040517f963e574d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f6131fb60048284866155b7565b61320491615643565b90507f82e3d188000000000000000000000000000000000000000000000000000000007fffffffff00000000000000000000000000000000000000000000000000000000821601611353576040517f672c55050000000000000000000000000000000000000000000000000000000081527fffffffff0000000000000000000000000000000000000000000000000000000082166004820152602401610b89565b5f5b81156131ad576132b8600183615528565b909116906132c5816156a8565b90506132a7565b60605f5f3073ffffffffffffffffffffffffffffffffffffffff168585886040516020016132fc939291906156df565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08184030181529082905261333491615718565b5f604051808303815f865af19150503d805f811461336d576040519150601f19603f3d011682016040523d82523d5f602084013e613372565b606091505b509150915081610e9a57805160208201fd5b5f7f158911a349ced51714c94e52e73209a19e10d8527527721c624c24cd03fd4ee282356133b86040850160208601614bed565b60408501356133cd6080870160608801614bed565b60808701356133e260c0890160a08a0161572e565b6133ef60c08a018a615747565b6040516133fd929190615567565b60408051918290038220602083019990995281019690965273ffffffffffffffffffffffffffffffffffffffff94851660608701526080860193909352921660a084015260c083019190915267ffffffffffffffff1660e0820152610100810191909152610120015b604051602081830303815290604052805190602001209050919050565b5f7fc0c557c364444bdd56d8ee0ec1d8b9cdb815bc22106133a9fd6b66269f42f8d382356134b76040850160208601614bed565b60408501356134cc6080870160608801614bed565b6134dc60a0880160808901614bed565b6134ec60c0890160a08a01614bed565b6134fc60e08a0160c08b0161572e565b61350960e08b018b615747565b604051613517929190615567565b60408051918290038220602083019a909a5281019790975273ffffffffffffffffffffffffffffffffffffffff9586166060880152608087019490945291841660a0860152831660c085015290911660e083015267ffffffffffffffff1661010082015261012081019190915261014001613466565b5f8473ffffffffffffffffffffffffffffffffffffffff163b5f03613613575f5f6135b98686866147d5565b5090925090505f8160038111156135d2576135d2614c06565b14801561360a57508673ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff16145b925050506117be565b610e9a8585858561481c565b73ffffffffffffffffffffffffffffffffffffffff8082165f908152600860205260408120549091169081613698576040517f4b7d579b00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff84166004820152602401610b89565b6136a18261311d565b9050915091565b5f610e2d6136b461489f565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b73ffffffffffffffffffffffffffffffffffffffff8084165f9081526008602052604090205481169083168103613752576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b73ffffffffffffffffffffffffffffffffffffffff8085165f90815260096020526040902054811690841681036137d25773ffffffffffffffffffffffffffffffffffffffff85165f90815260096020526040902080547fffffffffffffffffffffffff00000000000000000000000000000000000000001690556137f8565b73ffffffffffffffffffffffffffffffffffffffff8116156137f8576137f88582613961565b60408051808201825273ffffffffffffffffffffffffffffffffffffffff808716825265ffffffffffff43811660208085019182528a84165f908152600890915294852093518454915190921674010000000000000000000000000000000000000000027fffffffffffff0000000000000000000000000000000000000000000000000000909116919092161717905583548490600f906138b69067ffffffffffffffff6f010000000000000000000000000000009091041661553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508273ffffffffffffffffffffffffffffffffffffffff168573ffffffffffffffffffffffffffffffffffffffff168773ffffffffffffffffffffffffffffffffffffffff167f50fa622ff34c3353be82894101dd223b8f2cd3cea270d5e6d2e41e118db63938846040516129b2919067ffffffffffffffff91909116815260200190565b73ffffffffffffffffffffffffffffffffffffffff8281165f90815260096020908152604080832080547fffffffffffffffffffffffff00000000000000000000000000000000000000001690559284168252600490529081208054600f906139e6906f01000000000000000000000000000000900467ffffffffffffffff1661553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508173ffffffffffffffffffffffffffffffffffffffff168373ffffffffffffffffffffffffffffffffffffffff167fd53b8b5754095f6a03c678ec1a1bda57b4548862b9b4cd75a2d45a8aeff8a8b383604051613a7a919067ffffffffffffffff91909116815260200190565b60405180910390a3505050565b604081901c5f819003613a9e5761135383836149d5565b5f613aa984836146ee565b9050808314612630576040517f752d88c000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8516600482015260248101829052604401610b89565b6060613b2e7f0000000000000000000000000000000000000000000000000000000000000000614a5a565b905090565b6060613b2e7f0000000000000000000000000000000000000000000000000000000000000000614a5a565b73ffffffffffffffffffffffffffffffffffffffff84165f9081526004602052604081205460ff166002811115613b9757613b97614c06565b14613be6576040517f626773cc00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602401610b89565b604051806101200160405280846002811115613c0457613c04614c06565b815260200160018152602001836002811115613c2257613c22614c06565b81525f602080830182905260408084018390526060840183905260808401839052600160a0850181905260c090940183905273ffffffffffffffffffffffffffffffffffffffff8916835260049091529020825181549192909183917fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0090911690836002811115613cb557613cb5614c06565b02179055506020820151815482907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ff16610100836002811115613cfa57613cfa614c06565b02179055506040820151815482907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffff1662010000836002811115613d4057613d40614c06565b021790555060608201518154608084015160a085015160c086015160e0870151610100909701517fffffffffffffffffffffffffffffffffffffffffffffffffffffff0000ffffff909416630100000060ff968716027fffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffffff16176401000000009590931694909402919091177fffffffffffffffffffffffffffffffffff00000000000000000000ffffffffff166501000000000063ffffffff928316027fffffffffffffffffffffffffffffffffff000000000000ffffffffffffffffff1617690100000000000000000065ffffffffffff90941693909302929092177fffffffffff000000000000000000000000ffffffffffffffffffffffffffffff166f0100000000000000000000000000000067ffffffffffffffff909516949094027fffffffffff00000000ffffffffffffffffffffffffffffffffffffffffffffff169390931777010000000000000000000000000000000000000000000000919093160291909117905560405173ffffffffffffffffffffffffffffffffffffffff82811691908616907f72eb930e5566d52b138d10abeddc2cc848830286d6b0444047ca9039daed32ae90611fc090879087906001906157a8565b67ffffffffffffffff81161580613f3c575067ffffffffffffff01811615155b15613f7f576040517ff630ae3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610b89565b50565b5f6002845460ff166003811115613f9b57613f9b614c06565b148015613ffe575073ffffffffffffffffffffffffffffffffffffffff83165f9081526008602052604090205484547401000000000000000000000000000000000000000090910465ffffffffffff908116690100000000000000000090920416115b80156117be57508154845465ffffffffffff690100000000000000000092839004811692909104161190509392505050565b815465ffffffffffff43166901000000000000000000027fffffffffffffffffffffffffffffffffff000000000000ffffffffffffffffff67ffffffffffffffff84811661010002919091167fffffffffffffffffffffffffffffffffff0000000000000000000000000000009093169290921717600217835585545f918791600f916140d0916f0100000000000000000000000000000090041661553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508373ffffffffffffffffffffffffffffffffffffffff168573ffffffffffffffffffffffffffffffffffffffff168873ffffffffffffffffffffffffffffffffffffffff167f2b0c9aef413e56b4a8e511d99a57b8bd597efa3b2a5031ea4ad5a7d31cb5167e85856040516111f392919067ffffffffffffffff92831681529116602082015260400190565b5f6001835460ff16600381111561419c5761419c614c06565b148015610dbe57505073ffffffffffffffffffffffffffffffffffffffff165f9081526008602052604090205490547401000000000000000000000000000000000000000090910465ffffffffffff9081166901000000000000000000909204161190565b8180158061420f5750602081115b8061421b575060ff8216155b806142285750808260ff16115b1561426b576040517f7b6c44f50000000000000000000000000000000000000000000000000000000081526004810182905260ff83166024820152604401610b89565b73ffffffffffffffffffffffffffffffffffffffff85165f90815260056020526040902080545b80156143825773ffffffffffffffffffffffffffffffffffffffff87165f90815260066020526040812090836142c9600185615528565b815481106142d9576142d96157df565b5f91825260208083209091015473ffffffffffffffffffffffffffffffffffffffff168352820192909252604001812055815482908061431b5761431b61580c565b5f8281526020902081017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff90810180547fffffffffffffffffffffffff000000000000000000000000000000000000000016905501905561437b81615839565b9050614292565b505f5b828110156144d4575f8686838181106143a0576143a06157df565b90506020020160208101906143b59190614bed565b905073ffffffffffffffffffffffffffffffffffffffff8116158061440a575073ffffffffffffffffffffffffffffffffffffffff8089165f9081526006602090815260408083209385168352929052205415155b1561444d576040517f7b6c44f50000000000000000000000000000000000000000000000000000000081526004810185905260ff86166024820152604401610b89565b61445882600161586d565b73ffffffffffffffffffffffffffffffffffffffff808a165f90815260066020908152604080832095909316808352948152918120929092558454600181810187558684529190922090910180547fffffffffffffffffffffffff00000000000000000000000000000000000000001690921790915501614385565b5073ffffffffffffffffffffffffffffffffffffffff86165f908152600460205260408120805460ff858116640100000000027fffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffffff918816630100000002919091167fffffffffffffffffffffffffffffffffffffffffffffffffffffff0000ffffff909216919091171780825590919082906017906145949063ffffffff770100000000000000000000000000000000000000000000009091041661559c565b91906101000a81548163ffffffff021916908363ffffffff160217905590505f825f01600f81819054906101000a900467ffffffffffffffff166145d79061553b565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff160217905590508873ffffffffffffffffffffffffffffffffffffffff167f423180401a861c2a39c4703e98a31783bd5088c99fb13ae19fab704c42bf6651898989868660405161464c959493929190615880565b60405180910390a2505050505050505050565b600173ffffffffffffffffffffffffffffffffffffffff82165f90815260046020526040902054610100900460ff16600281111561469f5761469f614c06565b14613f7f576040517f488ea24500000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff82166004820152602401610b89565b5f77ffffffffffffffffffffffffffffffffffffffffffffffff8216156147a35773ffffffffffffffffffffffffffffffffffffffff83165f90815260036020908152604080832077ffffffffffffffffffffffffffffffffffffffffffffffff861684529091529081902080547fffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000808216600167ffffffffffffffff938416908101909316179092559184901b1617610dbe565b73ffffffffffffffffffffffffffffffffffffffff83165f908152600260205260409020805460018101909155610dbe565b5f80806041849003614809578435602086013560408701355f1a6147fb89828585614a97565b955095509550505050614813565b505f915060029050825b93509350939050565b604080517f1626ba7e00000000000000000000000000000000000000000000000000000000808252600482018690526024820192909252604481018390525f91908390818660648301375f82606483010152601f820160051c60051b915060205f60648401838b5afa9050825f5114601f3d111681169350505050949350505050565b5f3073ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001614801561490457507f000000000000000000000000000000000000000000000000000000000000000046145b1561492e57507f000000000000000000000000000000000000000000000000000000000000000090565b613b2e604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b73ffffffffffffffffffffffffffffffffffffffff82165f908152600260205260409020805460018101909155818114611353576040517f752d88c000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8416600482015260248101829052604401610b89565b60605f614a6683614b8a565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115614ad057505f91506003905082614b80565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015614b21573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015191505073ffffffffffffffffffffffffffffffffffffffff8116614b7757505f925060019150829050614b80565b92505f91508190505b9450945094915050565b5f60ff8216601f811115610e2d576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b803573ffffffffffffffffffffffffffffffffffffffff811681146131ad575f5ffd5b5f60208284031215614bfd575f5ffd5b610dbe82614bca565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b60038110613f7f57613f7f614c06565b614c4c81614c33565b9052565b8151610120820190614c6181614c33565b82526020830151614c7181614c33565b806020840152506040830151614c8a6040840182614c43565b506060830151614c9f606084018260ff169052565b506080830151614cb4608084018260ff169052565b5060a0830151614ccc60a084018263ffffffff169052565b5060c0830151614ce660c084018265ffffffffffff169052565b5060e0830151614d0260e084018267ffffffffffffffff169052565b50610100830151614d1c61010084018263ffffffff169052565b5092915050565b5f5f83601f840112614d33575f5ffd5b50813567ffffffffffffffff811115614d4a575f5ffd5b602083019150836020828501011115614d61575f5ffd5b9250929050565b5f5f5f60408486031215614d7a575f5ffd5b614d8384614bca565b9250602084013567ffffffffffffffff811115614d9e575f5ffd5b614daa86828701614d23565b9497909650939450505050565b5f60e08284031215614dc7575f5ffd5b50919050565b5f60208284031215614ddd575f5ffd5b813567ffffffffffffffff811115614df3575f5ffd5b6117be84828501614db7565b5f6101008284031215614dc7575f5ffd5b5f5f5f60408486031215614e22575f5ffd5b833567ffffffffffffffff811115614e38575f5ffd5b614e4486828701614dff565b935050602084013567ffffffffffffffff811115614d9e575f5ffd5b5f5f60408385031215614e71575f5ffd5b614e7a83614bca565b9150614e8860208401614bca565b90509250929050565b5f5f60408385031215614ea2575f5ffd5b614eab83614bca565b946020939093013593505050565b5f5f5f5f5f60808688031215614ecd575f5ffd5b614ed686614bca565b9450602086013567ffffffffffffffff811115614ef1575f5ffd5b614efd88828901614d23565b9699909850959660408101359660609091013595509350505050565b8151608082019060048110614f3057614f30614c06565b8083525067ffffffffffffffff602084015116602083015265ffffffffffff604084015116604083015265ffffffffffff606084015116606083015292915050565b602080825282518282018190525f918401906040840190835b81811015614fbf57835173ffffffffffffffffffffffffffffffffffffffff16835260209384019390920191600101614f8b565b509095945050505050565b8035600381106131ad575f5ffd5b5f60208284031215614fe8575f5ffd5b610dbe82614fca565b5f5f5f60408486031215615003575f5ffd5b833567ffffffffffffffff811115615019575f5ffd5b614e4486828701614db7565b5f5f5f60608486031215615037575f5ffd5b61504084614bca565b925061504e60208501614bca565b915061505c60408501614bca565b90509250925092565b5f5f5f5f5f5f5f60a0888a03121561507b575f5ffd5b61508488614bca565b9650602088013567ffffffffffffffff81111561509f575f5ffd5b6150ab8a828b01614d23565b9097509550506040880135935060608801359250608088013567ffffffffffffffff8111156150d8575f5ffd5b6150e48a828b01614d23565b989b979a50959850939692959293505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b602081525f610dbe60208301846150f7565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f61518f60e08301896150f7565b82810360408401526151a181896150f7565b6060840188905273ffffffffffffffffffffffffffffffffffffffff8716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156152035783518352602093840193909201916001016151e5565b50909b9a5050505050505050505050565b803567ffffffffffffffff811681146131ad575f5ffd5b5f5f6040838503121561523c575f5ffd5b61524583614bca565b9150614e8860208401615214565b5f60208284031215615263575f5ffd5b813567ffffffffffffffff811115615279575f5ffd5b6117be84828501614dff565b5f5f83601f840112615295575f5ffd5b50813567ffffffffffffffff8111156152ac575f5ffd5b6020830191508360208260051b8501011115614d61575f5ffd5b803560ff811681146131ad575f5ffd5b5f5f5f5f5f608086880312156152ea575f5ffd5b85359450602086013567ffffffffffffffff811115615307575f5ffd5b61531388828901615285565b90955093506153269050604087016152c6565b915061533460608701614fca565b90509295509295909350565b60808101600c861061535457615354614c06565b94815273ffffffffffffffffffffffffffffffffffffffff93909316602084015267ffffffffffffffff91909116604083015265ffffffffffff1660609091015290565b5f5f5f604084860312156153aa575f5ffd5b833567ffffffffffffffff8111156153c0575f5ffd5b6153cc86828701615285565b909450925061505c9050602085016152c6565b803577ffffffffffffffffffffffffffffffffffffffffffffffff811681146131ad575f5ffd5b5f5f60408385031215615417575f5ffd5b61542083614bca565b9150614e88602084016153df565b803565ffffffffffff811681146131ad575f5ffd5b5f5f5f5f60808587031215615456575f5ffd5b61545f85614bca565b935061546d60208601614bca565b925061547b6040860161542e565b91506154896060860161542e565b905092959194509250565b5f602082840312156154a4575f5ffd5b5035919050565b5f602082840312156154bb575f5ffd5b610dbe826153df565b5f5f5f606084860312156154d6575f5ffd5b6154df84614bca565b92506154ed60208501614bca565b915061505c60408501615214565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b81810381811115610e2d57610e2d6154fb565b5f67ffffffffffffffff821667ffffffffffffffff810361555e5761555e6154fb565b60010192915050565b818382375f9101908152919050565b6040810161558384614c33565b92815267ffffffffffffffff9190911660209091015290565b5f63ffffffff821663ffffffff810361555e5761555e6154fb565b5f5f858511156155c5575f5ffd5b838611156155d1575f5ffd5b5050820193919092039150565b80357fffffffffffffffffffffffffffffffffffffffff0000000000000000000000008116906014841015614d1c577fffffffffffffffffffffffffffffffffffffffff000000000000000000000000808560140360031b1b82161691505092915050565b80357fffffffff000000000000000000000000000000000000000000000000000000008116906004841015614d1c577fffffffff00000000000000000000000000000000000000000000000000000000808560040360031b1b82161691505092915050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82036156d8576156d86154fb565b5060010190565b8284823760609190911b7fffffffffffffffffffffffffffffffffffffffff000000000000000000000000169101908152601401919050565b5f82518060208501845e5f920191825250919050565b5f6020828403121561573e575f5ffd5b610dbe82615214565b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe184360301811261577a575f5ffd5b83018035915067ffffffffffffffff821115615794575f5ffd5b602001915036819003821315614d61575f5ffd5b606081016157b585614c33565b8482526157c184614c33565b83602083015267ffffffffffffffff83166040830152949350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603160045260245ffd5b5f81615847576158476154fb565b507fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0190565b80820180821115610e2d57610e2d6154fb565b608080825281018590525f8660a08301825b888110156158cd5773ffffffffffffffffffffffffffffffffffffffff6158b884614bca565b16825260209283019290910190600101615892565b5060ff969096166020840152505063ffffffff92909216604083015267ffffffffffffffff166060909101529291505056",
}

// TrustRegistry is an auto generated Go binding around an Ethereum contract.
type TrustRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *TrustRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewTrustRegistry creates a new instance of TrustRegistry.
func NewTrustRegistry() *TrustRegistry {
	parsed, err := TrustRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &TrustRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *TrustRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAUTHORITYCERTIFICATETYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x741e3699.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function AUTHORITY_CERTIFICATE_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) PackAUTHORITYCERTIFICATETYPEHASH() []byte {
	enc, err := trustRegistry.abi.Pack("AUTHORITY_CERTIFICATE_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAUTHORITYCERTIFICATETYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x741e3699.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function AUTHORITY_CERTIFICATE_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackAUTHORITYCERTIFICATETYPEHASH() ([]byte, error) {
	return trustRegistry.abi.Pack("AUTHORITY_CERTIFICATE_TYPEHASH")
}

// UnpackAUTHORITYCERTIFICATETYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x741e3699.
//
// Solidity: function AUTHORITY_CERTIFICATE_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackAUTHORITYCERTIFICATETYPEHASH(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("AUTHORITY_CERTIFICATE_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDELEGATECERTIFICATETYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f82993d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DELEGATE_CERTIFICATE_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) PackDELEGATECERTIFICATETYPEHASH() []byte {
	enc, err := trustRegistry.abi.Pack("DELEGATE_CERTIFICATE_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDELEGATECERTIFICATETYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f82993d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DELEGATE_CERTIFICATE_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackDELEGATECERTIFICATETYPEHASH() ([]byte, error) {
	return trustRegistry.abi.Pack("DELEGATE_CERTIFICATE_TYPEHASH")
}

// UnpackDELEGATECERTIFICATETYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9f82993d.
//
// Solidity: function DELEGATE_CERTIFICATE_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackDELEGATECERTIFICATETYPEHASH(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("DELEGATE_CERTIFICATE_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMAXMEMBERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea0e35b1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_MEMBERS() view returns(uint256)
func (trustRegistry *TrustRegistry) PackMAXMEMBERS() []byte {
	enc, err := trustRegistry.abi.Pack("MAX_MEMBERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXMEMBERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea0e35b1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_MEMBERS() view returns(uint256)
func (trustRegistry *TrustRegistry) TryPackMAXMEMBERS() ([]byte, error) {
	return trustRegistry.abi.Pack("MAX_MEMBERS")
}

// UnpackMAXMEMBERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xea0e35b1.
//
// Solidity: function MAX_MEMBERS() view returns(uint256)
func (trustRegistry *TrustRegistry) UnpackMAXMEMBERS(data []byte) (*big.Int, error) {
	out, err := trustRegistry.abi.Unpack("MAX_MEMBERS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRELAYEDCALLTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2132a00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function RELAYED_CALL_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) PackRELAYEDCALLTYPEHASH() []byte {
	enc, err := trustRegistry.abi.Pack("RELAYED_CALL_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRELAYEDCALLTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2132a00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function RELAYED_CALL_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackRELAYEDCALLTYPEHASH() ([]byte, error) {
	return trustRegistry.abi.Pack("RELAYED_CALL_TYPEHASH")
}

// UnpackRELAYEDCALLTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf2132a00.
//
// Solidity: function RELAYED_CALL_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackRELAYEDCALLTYPEHASH(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("RELAYED_CALL_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackWMPDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c9ed830.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function WMP_DOMAIN_SEPARATOR() view returns(bytes32)
func (trustRegistry *TrustRegistry) PackWMPDOMAINSEPARATOR() []byte {
	enc, err := trustRegistry.abi.Pack("WMP_DOMAIN_SEPARATOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWMPDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c9ed830.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function WMP_DOMAIN_SEPARATOR() view returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackWMPDOMAINSEPARATOR() ([]byte, error) {
	return trustRegistry.abi.Pack("WMP_DOMAIN_SEPARATOR")
}

// UnpackWMPDOMAINSEPARATOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c9ed830.
//
// Solidity: function WMP_DOMAIN_SEPARATOR() view returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackWMPDOMAINSEPARATOR(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("WMP_DOMAIN_SEPARATOR", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackWMPDOMAINTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0d995ee2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function WMP_DOMAIN_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) PackWMPDOMAINTYPEHASH() []byte {
	enc, err := trustRegistry.abi.Pack("WMP_DOMAIN_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWMPDOMAINTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0d995ee2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function WMP_DOMAIN_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackWMPDOMAINTYPEHASH() ([]byte, error) {
	return trustRegistry.abi.Pack("WMP_DOMAIN_TYPEHASH")
}

// UnpackWMPDOMAINTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0d995ee2.
//
// Solidity: function WMP_DOMAIN_TYPEHASH() view returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackWMPDOMAINTYPEHASH(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("WMP_DOMAIN_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAcceptRealm is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4a2f8b14.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptRealm(address realm) returns()
func (trustRegistry *TrustRegistry) PackAcceptRealm(realm common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("acceptRealm", realm)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptRealm is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4a2f8b14.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptRealm(address realm) returns()
func (trustRegistry *TrustRegistry) TryPackAcceptRealm(realm common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("acceptRealm", realm)
}

// PackAdmitOperator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf20b20c4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function admitOperator(address realm, address operator, uint64 capabilities) returns()
func (trustRegistry *TrustRegistry) PackAdmitOperator(realm common.Address, operator common.Address, capabilities uint64) []byte {
	enc, err := trustRegistry.abi.Pack("admitOperator", realm, operator, capabilities)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAdmitOperator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf20b20c4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function admitOperator(address realm, address operator, uint64 capabilities) returns()
func (trustRegistry *TrustRegistry) TryPackAdmitOperator(realm common.Address, operator common.Address, capabilities uint64) ([]byte, error) {
	return trustRegistry.abi.Pack("admitOperator", realm, operator, capabilities)
}

// PackApprovalsOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65bf57d8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approvalsOf(address root, bytes data) view returns(uint256 count)
func (trustRegistry *TrustRegistry) PackApprovalsOf(root common.Address, data []byte) []byte {
	enc, err := trustRegistry.abi.Pack("approvalsOf", root, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprovalsOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65bf57d8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approvalsOf(address root, bytes data) view returns(uint256 count)
func (trustRegistry *TrustRegistry) TryPackApprovalsOf(root common.Address, data []byte) ([]byte, error) {
	return trustRegistry.abi.Pack("approvalsOf", root, data)
}

// UnpackApprovalsOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x65bf57d8.
//
// Solidity: function approvalsOf(address root, bytes data) view returns(uint256 count)
func (trustRegistry *TrustRegistry) UnpackApprovalsOf(data []byte) (*big.Int, error) {
	out, err := trustRegistry.abi.Unpack("approvalsOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApproveRootAction is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x19913225.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approveRootAction(address root, bytes data) returns(bool executed)
func (trustRegistry *TrustRegistry) PackApproveRootAction(root common.Address, data []byte) []byte {
	enc, err := trustRegistry.abi.Pack("approveRootAction", root, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApproveRootAction is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x19913225.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approveRootAction(address root, bytes data) returns(bool executed)
func (trustRegistry *TrustRegistry) TryPackApproveRootAction(root common.Address, data []byte) ([]byte, error) {
	return trustRegistry.abi.Pack("approveRootAction", root, data)
}

// UnpackApproveRootAction is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x19913225.
//
// Solidity: function approveRootAction(address root, bytes data) returns(bool executed)
func (trustRegistry *TrustRegistry) UnpackApproveRootAction(data []byte) (bool, error) {
	out, err := trustRegistry.abi.Unpack("approveRootAction", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackAuthorityCertificateDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f54b44a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function authorityCertificateDigest((uint256,address,uint256,address,address,address,uint64,string) cert) pure returns(bytes32)
func (trustRegistry *TrustRegistry) PackAuthorityCertificateDigest(cert WmpCertificatesAuthorityCertificate) []byte {
	enc, err := trustRegistry.abi.Pack("authorityCertificateDigest", cert)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAuthorityCertificateDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f54b44a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function authorityCertificateDigest((uint256,address,uint256,address,address,address,uint64,string) cert) pure returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackAuthorityCertificateDigest(cert WmpCertificatesAuthorityCertificate) ([]byte, error) {
	return trustRegistry.abi.Pack("authorityCertificateDigest", cert)
}

// UnpackAuthorityCertificateDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f54b44a.
//
// Solidity: function authorityCertificateDigest((uint256,address,uint256,address,address,address,uint64,string) cert) pure returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackAuthorityCertificateDigest(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("authorityCertificateDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAuthorizationStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x998060bd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function authorizationStatus(address issuer, address realm, address delegate) view returns(uint8 status, address root, uint64 issuerCapabilities, uint48 validUntil)
func (trustRegistry *TrustRegistry) PackAuthorizationStatus(issuer common.Address, realm common.Address, delegate common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("authorizationStatus", issuer, realm, delegate)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAuthorizationStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x998060bd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function authorizationStatus(address issuer, address realm, address delegate) view returns(uint8 status, address root, uint64 issuerCapabilities, uint48 validUntil)
func (trustRegistry *TrustRegistry) TryPackAuthorizationStatus(issuer common.Address, realm common.Address, delegate common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("authorizationStatus", issuer, realm, delegate)
}

// AuthorizationStatusOutput serves as a container for the return parameters of contract
// method AuthorizationStatus.
type AuthorizationStatusOutput struct {
	Status             uint8
	Root               common.Address
	IssuerCapabilities uint64
	ValidUntil         *big.Int
}

// UnpackAuthorizationStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x998060bd.
//
// Solidity: function authorizationStatus(address issuer, address realm, address delegate) view returns(uint8 status, address root, uint64 issuerCapabilities, uint48 validUntil)
func (trustRegistry *TrustRegistry) UnpackAuthorizationStatus(data []byte) (AuthorizationStatusOutput, error) {
	out, err := trustRegistry.abi.Unpack("authorizationStatus", data)
	outstruct := new(AuthorizationStatusOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Status = *abi.ConvertType(out[0], new(uint8)).(*uint8)
	outstruct.Root = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.IssuerCapabilities = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	outstruct.ValidUntil = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackAuthorize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc074ce3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function authorize(address realm, address delegate, uint48 validFrom, uint48 validUntil) returns()
func (trustRegistry *TrustRegistry) PackAuthorize(realm common.Address, delegate common.Address, validFrom *big.Int, validUntil *big.Int) []byte {
	enc, err := trustRegistry.abi.Pack("authorize", realm, delegate, validFrom, validUntil)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAuthorize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc074ce3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function authorize(address realm, address delegate, uint48 validFrom, uint48 validUntil) returns()
func (trustRegistry *TrustRegistry) TryPackAuthorize(realm common.Address, delegate common.Address, validFrom *big.Int, validUntil *big.Int) ([]byte, error) {
	return trustRegistry.abi.Pack("authorize", realm, delegate, validFrom, validUntil)
}

// PackBumpEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd6044f1d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bumpEpoch() returns(uint32 epoch)
func (trustRegistry *TrustRegistry) PackBumpEpoch() []byte {
	enc, err := trustRegistry.abi.Pack("bumpEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBumpEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd6044f1d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bumpEpoch() returns(uint32 epoch)
func (trustRegistry *TrustRegistry) TryPackBumpEpoch() ([]byte, error) {
	return trustRegistry.abi.Pack("bumpEpoch")
}

// UnpackBumpEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd6044f1d.
//
// Solidity: function bumpEpoch() returns(uint32 epoch)
func (trustRegistry *TrustRegistry) UnpackBumpEpoch(data []byte) (uint32, error) {
	out, err := trustRegistry.abi.Unpack("bumpEpoch", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackCancelRealmCARequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2b6de8a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelRealmCARequest() returns()
func (trustRegistry *TrustRegistry) PackCancelRealmCARequest() []byte {
	enc, err := trustRegistry.abi.Pack("cancelRealmCARequest")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelRealmCARequest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2b6de8a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelRealmCARequest() returns()
func (trustRegistry *TrustRegistry) TryPackCancelRealmCARequest() ([]byte, error) {
	return trustRegistry.abi.Pack("cancelRealmCARequest")
}

// PackCertificateRevokedAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc49e8938.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function certificateRevokedAt(address signer, bytes32 digest) view returns(uint256)
func (trustRegistry *TrustRegistry) PackCertificateRevokedAt(signer common.Address, digest [32]byte) []byte {
	enc, err := trustRegistry.abi.Pack("certificateRevokedAt", signer, digest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCertificateRevokedAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc49e8938.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function certificateRevokedAt(address signer, bytes32 digest) view returns(uint256)
func (trustRegistry *TrustRegistry) TryPackCertificateRevokedAt(signer common.Address, digest [32]byte) ([]byte, error) {
	return trustRegistry.abi.Pack("certificateRevokedAt", signer, digest)
}

// UnpackCertificateRevokedAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc49e8938.
//
// Solidity: function certificateRevokedAt(address signer, bytes32 digest) view returns(uint256)
func (trustRegistry *TrustRegistry) UnpackCertificateRevokedAt(data []byte) (*big.Int, error) {
	out, err := trustRegistry.abi.Unpack("certificateRevokedAt", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDelegateCertificateDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1fbeae49.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function delegateCertificateDigest((uint256,address,uint256,address,bytes32,uint64,string) cert) pure returns(bytes32)
func (trustRegistry *TrustRegistry) PackDelegateCertificateDigest(cert WmpCertificatesDelegateCertificate) []byte {
	enc, err := trustRegistry.abi.Pack("delegateCertificateDigest", cert)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDelegateCertificateDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1fbeae49.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function delegateCertificateDigest((uint256,address,uint256,address,bytes32,uint64,string) cert) pure returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackDelegateCertificateDigest(cert WmpCertificatesDelegateCertificate) ([]byte, error) {
	return trustRegistry.abi.Pack("delegateCertificateDigest", cert)
}

// UnpackDelegateCertificateDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1fbeae49.
//
// Solidity: function delegateCertificateDigest((uint256,address,uint256,address,bytes32,uint64,string) cert) pure returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackDelegateCertificateDigest(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("delegateCertificateDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (trustRegistry *TrustRegistry) PackEip712Domain() []byte {
	enc, err := trustRegistry.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (trustRegistry *TrustRegistry) TryPackEip712Domain() ([]byte, error) {
	return trustRegistry.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (trustRegistry *TrustRegistry) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := trustRegistry.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7d1c2e78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function execute(address actor, bytes data, uint256 nonce, uint256 deadline, bytes signature) returns(bytes result)
func (trustRegistry *TrustRegistry) PackExecute(actor common.Address, data []byte, nonce *big.Int, deadline *big.Int, signature []byte) []byte {
	enc, err := trustRegistry.abi.Pack("execute", actor, data, nonce, deadline, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7d1c2e78.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function execute(address actor, bytes data, uint256 nonce, uint256 deadline, bytes signature) returns(bytes result)
func (trustRegistry *TrustRegistry) TryPackExecute(actor common.Address, data []byte, nonce *big.Int, deadline *big.Int, signature []byte) ([]byte, error) {
	return trustRegistry.abi.Pack("execute", actor, data, nonce, deadline, signature)
}

// UnpackExecute is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7d1c2e78.
//
// Solidity: function execute(address actor, bytes data, uint256 nonce, uint256 deadline, bytes signature) returns(bytes result)
func (trustRegistry *TrustRegistry) UnpackExecute(data []byte) ([]byte, error) {
	out, err := trustRegistry.abi.Unpack("execute", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackGetAdmission is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x541e0703.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAdmission(address realm, address operator) view returns((uint8,uint64,uint48,uint48))
func (trustRegistry *TrustRegistry) PackGetAdmission(realm common.Address, operator common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("getAdmission", realm, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAdmission is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x541e0703.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAdmission(address realm, address operator) view returns((uint8,uint64,uint48,uint48))
func (trustRegistry *TrustRegistry) TryPackGetAdmission(realm common.Address, operator common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("getAdmission", realm, operator)
}

// UnpackGetAdmission is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x541e0703.
//
// Solidity: function getAdmission(address realm, address operator) view returns((uint8,uint64,uint48,uint48))
func (trustRegistry *TrustRegistry) UnpackGetAdmission(data []byte) (ITrustRegistryAdmission, error) {
	out, err := trustRegistry.abi.Unpack("getAdmission", data)
	if err != nil {
		return *new(ITrustRegistryAdmission), err
	}
	out0 := *abi.ConvertType(out[0], new(ITrustRegistryAdmission)).(*ITrustRegistryAdmission)
	return out0, nil
}

// PackGetAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc63b6765.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAuthorization(address issuer, address realm, address delegate) view returns((uint48,uint48,uint48,uint48))
func (trustRegistry *TrustRegistry) PackGetAuthorization(issuer common.Address, realm common.Address, delegate common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("getAuthorization", issuer, realm, delegate)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc63b6765.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAuthorization(address issuer, address realm, address delegate) view returns((uint48,uint48,uint48,uint48))
func (trustRegistry *TrustRegistry) TryPackGetAuthorization(issuer common.Address, realm common.Address, delegate common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("getAuthorization", issuer, realm, delegate)
}

// UnpackGetAuthorization is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc63b6765.
//
// Solidity: function getAuthorization(address issuer, address realm, address delegate) view returns((uint48,uint48,uint48,uint48))
func (trustRegistry *TrustRegistry) UnpackGetAuthorization(data []byte) (ITrustRegistryAuthorization, error) {
	out, err := trustRegistry.abi.Unpack("getAuthorization", data)
	if err != nil {
		return *new(ITrustRegistryAuthorization), err
	}
	out0 := *abi.ConvertType(out[0], new(ITrustRegistryAuthorization)).(*ITrustRegistryAuthorization)
	return out0, nil
}

// PackGetRealm is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc260d60d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRealm(address realm) view returns((address,uint48))
func (trustRegistry *TrustRegistry) PackGetRealm(realm common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("getRealm", realm)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRealm is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc260d60d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRealm(address realm) view returns((address,uint48))
func (trustRegistry *TrustRegistry) TryPackGetRealm(realm common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("getRealm", realm)
}

// UnpackGetRealm is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc260d60d.
//
// Solidity: function getRealm(address realm) view returns((address,uint48))
func (trustRegistry *TrustRegistry) UnpackGetRealm(data []byte) (ITrustRegistryRealm, error) {
	out, err := trustRegistry.abi.Unpack("getRealm", data)
	if err != nil {
		return *new(ITrustRegistryRealm), err
	}
	out0 := *abi.ConvertType(out[0], new(ITrustRegistryRealm)).(*ITrustRegistryRealm)
	return out0, nil
}

// PackGetRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x079cf76e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRoot(address root) view returns((uint8,uint8,uint8,uint8,uint8,uint32,uint48,uint64,uint32))
func (trustRegistry *TrustRegistry) PackGetRoot(root common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("getRoot", root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x079cf76e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoot(address root) view returns((uint8,uint8,uint8,uint8,uint8,uint32,uint48,uint64,uint32))
func (trustRegistry *TrustRegistry) TryPackGetRoot(root common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("getRoot", root)
}

// UnpackGetRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x079cf76e.
//
// Solidity: function getRoot(address root) view returns((uint8,uint8,uint8,uint8,uint8,uint32,uint48,uint64,uint32))
func (trustRegistry *TrustRegistry) UnpackGetRoot(data []byte) (ITrustRegistryRoot, error) {
	out, err := trustRegistry.abi.Unpack("getRoot", data)
	if err != nil {
		return *new(ITrustRegistryRoot), err
	}
	out0 := *abi.ConvertType(out[0], new(ITrustRegistryRoot)).(*ITrustRegistryRoot)
	return out0, nil
}

// PackIsAuthorized is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c145cc7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isAuthorized(address issuer, address realm, address delegate) view returns(bool)
func (trustRegistry *TrustRegistry) PackIsAuthorized(issuer common.Address, realm common.Address, delegate common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("isAuthorized", issuer, realm, delegate)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsAuthorized is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c145cc7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isAuthorized(address issuer, address realm, address delegate) view returns(bool)
func (trustRegistry *TrustRegistry) TryPackIsAuthorized(issuer common.Address, realm common.Address, delegate common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("isAuthorized", issuer, realm, delegate)
}

// UnpackIsAuthorized is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7c145cc7.
//
// Solidity: function isAuthorized(address issuer, address realm, address delegate) view returns(bool)
func (trustRegistry *TrustRegistry) UnpackIsAuthorized(data []byte) (bool, error) {
	out, err := trustRegistry.abi.Unpack("isAuthorized", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsMember is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39ac7a08.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isMember(address root, address account) view returns(bool)
func (trustRegistry *TrustRegistry) PackIsMember(root common.Address, account common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("isMember", root, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsMember is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39ac7a08.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isMember(address root, address account) view returns(bool)
func (trustRegistry *TrustRegistry) TryPackIsMember(root common.Address, account common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("isMember", root, account)
}

// UnpackIsMember is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x39ac7a08.
//
// Solidity: function isMember(address root, address account) view returns(bool)
func (trustRegistry *TrustRegistry) UnpackIsMember(data []byte) (bool, error) {
	out, err := trustRegistry.abi.Unpack("isMember", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMembersOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5bab78f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function membersOf(address root) view returns(address[])
func (trustRegistry *TrustRegistry) PackMembersOf(root common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("membersOf", root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMembersOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5bab78f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function membersOf(address root) view returns(address[])
func (trustRegistry *TrustRegistry) TryPackMembersOf(root common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("membersOf", root)
}

// UnpackMembersOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5bab78f2.
//
// Solidity: function membersOf(address root) view returns(address[])
func (trustRegistry *TrustRegistry) UnpackMembersOf(data []byte) ([]common.Address, error) {
	out, err := trustRegistry.abi.Unpack("membersOf", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (trustRegistry *TrustRegistry) PackNonces(owner common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("nonces", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (trustRegistry *TrustRegistry) TryPackNonces(owner common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("nonces", owner)
}

// UnpackNonces is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (trustRegistry *TrustRegistry) UnpackNonces(data []byte) (*big.Int, error) {
	out, err := trustRegistry.abi.Unpack("nonces", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNonces0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbef37613.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonces(address owner, uint192 key) view returns(uint256)
func (trustRegistry *TrustRegistry) PackNonces0(owner common.Address, key *big.Int) []byte {
	enc, err := trustRegistry.abi.Pack("nonces0", owner, key)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonces0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbef37613.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonces(address owner, uint192 key) view returns(uint256)
func (trustRegistry *TrustRegistry) TryPackNonces0(owner common.Address, key *big.Int) ([]byte, error) {
	return trustRegistry.abi.Pack("nonces0", owner, key)
}

// UnpackNonces0 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbef37613.
//
// Solidity: function nonces(address owner, uint192 key) view returns(uint256)
func (trustRegistry *TrustRegistry) UnpackNonces0(data []byte) (*big.Int, error) {
	out, err := trustRegistry.abi.Unpack("nonces0", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPendingRealmCA is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb38e7d2c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingRealmCA(address realm) view returns(address)
func (trustRegistry *TrustRegistry) PackPendingRealmCA(realm common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("pendingRealmCA", realm)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingRealmCA is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb38e7d2c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingRealmCA(address realm) view returns(address)
func (trustRegistry *TrustRegistry) TryPackPendingRealmCA(realm common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("pendingRealmCA", realm)
}

// UnpackPendingRealmCA is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb38e7d2c.
//
// Solidity: function pendingRealmCA(address realm) view returns(address)
func (trustRegistry *TrustRegistry) UnpackPendingRealmCA(data []byte) (common.Address, error) {
	out, err := trustRegistry.abi.Unpack("pendingRealmCA", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRegisterRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b6bd95b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerRoot(uint8 policy) returns()
func (trustRegistry *TrustRegistry) PackRegisterRoot(policy uint8) []byte {
	enc, err := trustRegistry.abi.Pack("registerRoot", policy)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b6bd95b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerRoot(uint8 policy) returns()
func (trustRegistry *TrustRegistry) TryPackRegisterRoot(policy uint8) ([]byte, error) {
	return trustRegistry.abi.Pack("registerRoot", policy)
}

// PackRegisterSharedRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99529729.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerSharedRoot(bytes32 salt, address[] members, uint8 threshold, uint8 policy) returns(address root)
func (trustRegistry *TrustRegistry) PackRegisterSharedRoot(salt [32]byte, members []common.Address, threshold uint8, policy uint8) []byte {
	enc, err := trustRegistry.abi.Pack("registerSharedRoot", salt, members, threshold, policy)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterSharedRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99529729.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerSharedRoot(bytes32 salt, address[] members, uint8 threshold, uint8 policy) returns(address root)
func (trustRegistry *TrustRegistry) TryPackRegisterSharedRoot(salt [32]byte, members []common.Address, threshold uint8, policy uint8) ([]byte, error) {
	return trustRegistry.abi.Pack("registerSharedRoot", salt, members, threshold, policy)
}

// UnpackRegisterSharedRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x99529729.
//
// Solidity: function registerSharedRoot(bytes32 salt, address[] members, uint8 threshold, uint8 policy) returns(address root)
func (trustRegistry *TrustRegistry) UnpackRegisterSharedRoot(data []byte) (common.Address, error) {
	out, err := trustRegistry.abi.Unpack("registerSharedRoot", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRelayedCallDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x462f41ff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function relayedCallDigest(address actor, bytes data, uint256 nonce, uint256 deadline) view returns(bytes32)
func (trustRegistry *TrustRegistry) PackRelayedCallDigest(actor common.Address, data []byte, nonce *big.Int, deadline *big.Int) []byte {
	enc, err := trustRegistry.abi.Pack("relayedCallDigest", actor, data, nonce, deadline)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelayedCallDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x462f41ff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function relayedCallDigest(address actor, bytes data, uint256 nonce, uint256 deadline) view returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackRelayedCallDigest(actor common.Address, data []byte, nonce *big.Int, deadline *big.Int) ([]byte, error) {
	return trustRegistry.abi.Pack("relayedCallDigest", actor, data, nonce, deadline)
}

// UnpackRelayedCallDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x462f41ff.
//
// Solidity: function relayedCallDigest(address actor, bytes data, uint256 nonce, uint256 deadline) view returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackRelayedCallDigest(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("relayedCallDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRemoveOperator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40b61fe9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function removeOperator(address realm, address operator) returns()
func (trustRegistry *TrustRegistry) PackRemoveOperator(realm common.Address, operator common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("removeOperator", realm, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRemoveOperator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40b61fe9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function removeOperator(address realm, address operator) returns()
func (trustRegistry *TrustRegistry) TryPackRemoveOperator(realm common.Address, operator common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("removeOperator", realm, operator)
}

// PackRequestAdmission is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c64dcee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestAdmission(address realm, uint64 capabilities) returns()
func (trustRegistry *TrustRegistry) PackRequestAdmission(realm common.Address, capabilities uint64) []byte {
	enc, err := trustRegistry.abi.Pack("requestAdmission", realm, capabilities)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestAdmission is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c64dcee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestAdmission(address realm, uint64 capabilities) returns()
func (trustRegistry *TrustRegistry) TryPackRequestAdmission(realm common.Address, capabilities uint64) ([]byte, error) {
	return trustRegistry.abi.Pack("requestAdmission", realm, capabilities)
}

// PackRequestRealmCA is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53441358.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestRealmCA(address root) returns()
func (trustRegistry *TrustRegistry) PackRequestRealmCA(root common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("requestRealmCA", root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestRealmCA is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53441358.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestRealmCA(address root) returns()
func (trustRegistry *TrustRegistry) TryPackRequestRealmCA(root common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("requestRealmCA", root)
}

// PackRetire is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4874d77.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function retire() returns()
func (trustRegistry *TrustRegistry) PackRetire() []byte {
	enc, err := trustRegistry.abi.Pack("retire")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRetire is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4874d77.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function retire() returns()
func (trustRegistry *TrustRegistry) TryPackRetire() ([]byte, error) {
	return trustRegistry.abi.Pack("retire")
}

// PackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdcf3fb2a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revoke(address realm, address delegate) returns()
func (trustRegistry *TrustRegistry) PackRevoke(realm common.Address, delegate common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("revoke", realm, delegate)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdcf3fb2a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revoke(address realm, address delegate) returns()
func (trustRegistry *TrustRegistry) TryPackRevoke(realm common.Address, delegate common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("revoke", realm, delegate)
}

// PackRevokeAllDelegates is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93880207.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeAllDelegates(address realm) returns()
func (trustRegistry *TrustRegistry) PackRevokeAllDelegates(realm common.Address) []byte {
	enc, err := trustRegistry.abi.Pack("revokeAllDelegates", realm)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeAllDelegates is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93880207.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeAllDelegates(address realm) returns()
func (trustRegistry *TrustRegistry) TryPackRevokeAllDelegates(realm common.Address) ([]byte, error) {
	return trustRegistry.abi.Pack("revokeAllDelegates", realm)
}

// PackRevokeCertificate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6cbc52a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeCertificate(bytes32 digest) returns()
func (trustRegistry *TrustRegistry) PackRevokeCertificate(digest [32]byte) []byte {
	enc, err := trustRegistry.abi.Pack("revokeCertificate", digest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeCertificate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6cbc52a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeCertificate(bytes32 digest) returns()
func (trustRegistry *TrustRegistry) TryPackRevokeCertificate(digest [32]byte) ([]byte, error) {
	return trustRegistry.abi.Pack("revokeCertificate", digest)
}

// PackRootActionId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4ea18edd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rootActionId(address root, bytes data) view returns(bytes32)
func (trustRegistry *TrustRegistry) PackRootActionId(root common.Address, data []byte) []byte {
	enc, err := trustRegistry.abi.Pack("rootActionId", root, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRootActionId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4ea18edd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rootActionId(address root, bytes data) view returns(bytes32)
func (trustRegistry *TrustRegistry) TryPackRootActionId(root common.Address, data []byte) ([]byte, error) {
	return trustRegistry.abi.Pack("rootActionId", root, data)
}

// UnpackRootActionId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4ea18edd.
//
// Solidity: function rootActionId(address root, bytes data) view returns(bytes32)
func (trustRegistry *TrustRegistry) UnpackRootActionId(data []byte) ([32]byte, error) {
	out, err := trustRegistry.abi.Unpack("rootActionId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackSetMembers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb6e77c53.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMembers(address[] members, uint8 threshold) returns()
func (trustRegistry *TrustRegistry) PackSetMembers(members []common.Address, threshold uint8) []byte {
	enc, err := trustRegistry.abi.Pack("setMembers", members, threshold)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMembers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb6e77c53.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMembers(address[] members, uint8 threshold) returns()
func (trustRegistry *TrustRegistry) TryPackSetMembers(members []common.Address, threshold uint8) ([]byte, error) {
	return trustRegistry.abi.Pack("setMembers", members, threshold)
}

// PackSetPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74bce0bc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPolicy(uint8 policy) returns()
func (trustRegistry *TrustRegistry) PackSetPolicy(policy uint8) []byte {
	enc, err := trustRegistry.abi.Pack("setPolicy", policy)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74bce0bc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPolicy(uint8 policy) returns()
func (trustRegistry *TrustRegistry) TryPackSetPolicy(policy uint8) ([]byte, error) {
	return trustRegistry.abi.Pack("setPolicy", policy)
}

// PackSharedRootAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ba2e65c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sharedRootAddress(address registrar, bytes32 salt) pure returns(address)
func (trustRegistry *TrustRegistry) PackSharedRootAddress(registrar common.Address, salt [32]byte) []byte {
	enc, err := trustRegistry.abi.Pack("sharedRootAddress", registrar, salt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSharedRootAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ba2e65c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sharedRootAddress(address registrar, bytes32 salt) pure returns(address)
func (trustRegistry *TrustRegistry) TryPackSharedRootAddress(registrar common.Address, salt [32]byte) ([]byte, error) {
	return trustRegistry.abi.Pack("sharedRootAddress", registrar, salt)
}

// UnpackSharedRootAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3ba2e65c.
//
// Solidity: function sharedRootAddress(address registrar, bytes32 salt) pure returns(address)
func (trustRegistry *TrustRegistry) UnpackSharedRootAddress(data []byte) (common.Address, error) {
	out, err := trustRegistry.abi.Unpack("sharedRootAddress", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackUseNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd86b407f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function useNonce(uint192 key) returns(uint256 nonce)
func (trustRegistry *TrustRegistry) PackUseNonce(key *big.Int) []byte {
	enc, err := trustRegistry.abi.Pack("useNonce", key)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUseNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd86b407f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function useNonce(uint192 key) returns(uint256 nonce)
func (trustRegistry *TrustRegistry) TryPackUseNonce(key *big.Int) ([]byte, error) {
	return trustRegistry.abi.Pack("useNonce", key)
}

// UnpackUseNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd86b407f.
//
// Solidity: function useNonce(uint192 key) returns(uint256 nonce)
func (trustRegistry *TrustRegistry) UnpackUseNonce(data []byte) (*big.Int, error) {
	out, err := trustRegistry.abi.Unpack("useNonce", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackVerifyAuthorityCertificate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x386829c8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyAuthorityCertificate((uint256,address,uint256,address,address,address,uint64,string) cert, bytes signature) view returns(bool)
func (trustRegistry *TrustRegistry) PackVerifyAuthorityCertificate(cert WmpCertificatesAuthorityCertificate, signature []byte) []byte {
	enc, err := trustRegistry.abi.Pack("verifyAuthorityCertificate", cert, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyAuthorityCertificate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x386829c8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyAuthorityCertificate((uint256,address,uint256,address,address,address,uint64,string) cert, bytes signature) view returns(bool)
func (trustRegistry *TrustRegistry) TryPackVerifyAuthorityCertificate(cert WmpCertificatesAuthorityCertificate, signature []byte) ([]byte, error) {
	return trustRegistry.abi.Pack("verifyAuthorityCertificate", cert, signature)
}

// UnpackVerifyAuthorityCertificate is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x386829c8.
//
// Solidity: function verifyAuthorityCertificate((uint256,address,uint256,address,address,address,uint64,string) cert, bytes signature) view returns(bool)
func (trustRegistry *TrustRegistry) UnpackVerifyAuthorityCertificate(data []byte) (bool, error) {
	out, err := trustRegistry.abi.Unpack("verifyAuthorityCertificate", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackVerifyDelegateCertificate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x78f4a361.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyDelegateCertificate((uint256,address,uint256,address,bytes32,uint64,string) cert, bytes signature) view returns(bool)
func (trustRegistry *TrustRegistry) PackVerifyDelegateCertificate(cert WmpCertificatesDelegateCertificate, signature []byte) []byte {
	enc, err := trustRegistry.abi.Pack("verifyDelegateCertificate", cert, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyDelegateCertificate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x78f4a361.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyDelegateCertificate((uint256,address,uint256,address,bytes32,uint64,string) cert, bytes signature) view returns(bool)
func (trustRegistry *TrustRegistry) TryPackVerifyDelegateCertificate(cert WmpCertificatesDelegateCertificate, signature []byte) ([]byte, error) {
	return trustRegistry.abi.Pack("verifyDelegateCertificate", cert, signature)
}

// UnpackVerifyDelegateCertificate is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x78f4a361.
//
// Solidity: function verifyDelegateCertificate((uint256,address,uint256,address,bytes32,uint64,string) cert, bytes signature) view returns(bool)
func (trustRegistry *TrustRegistry) UnpackVerifyDelegateCertificate(data []byte) (bool, error) {
	out, err := trustRegistry.abi.Unpack("verifyDelegateCertificate", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// TrustRegistryAdmissionRequested represents a AdmissionRequested event raised by the TrustRegistry contract.
type TrustRegistryAdmissionRequested struct {
	Root         common.Address
	Realm        common.Address
	Operator     common.Address
	Capabilities uint64
	Sequence     uint64
	Raw          *types.Log // Blockchain specific contextual infos
}

const TrustRegistryAdmissionRequestedEventName = "AdmissionRequested"

// ContractEventName returns the user-defined event name.
func (TrustRegistryAdmissionRequested) ContractEventName() string {
	return TrustRegistryAdmissionRequestedEventName
}

// UnpackAdmissionRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AdmissionRequested(address indexed root, address indexed realm, address indexed operator, uint64 capabilities, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackAdmissionRequestedEvent(log *types.Log) (*TrustRegistryAdmissionRequested, error) {
	event := "AdmissionRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryAdmissionRequested)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryCertificateRevoked represents a CertificateRevoked event raised by the TrustRegistry contract.
type TrustRegistryCertificateRevoked struct {
	Signer common.Address
	Digest [32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const TrustRegistryCertificateRevokedEventName = "CertificateRevoked"

// ContractEventName returns the user-defined event name.
func (TrustRegistryCertificateRevoked) ContractEventName() string {
	return TrustRegistryCertificateRevokedEventName
}

// UnpackCertificateRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CertificateRevoked(address indexed signer, bytes32 indexed digest)
func (trustRegistry *TrustRegistry) UnpackCertificateRevokedEvent(log *types.Log) (*TrustRegistryCertificateRevoked, error) {
	event := "CertificateRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryCertificateRevoked)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryDelegateAuthorized represents a DelegateAuthorized event raised by the TrustRegistry contract.
type TrustRegistryDelegateAuthorized struct {
	Issuer     common.Address
	Realm      common.Address
	Delegate   common.Address
	ValidFrom  *big.Int
	ValidUntil *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const TrustRegistryDelegateAuthorizedEventName = "DelegateAuthorized"

// ContractEventName returns the user-defined event name.
func (TrustRegistryDelegateAuthorized) ContractEventName() string {
	return TrustRegistryDelegateAuthorizedEventName
}

// UnpackDelegateAuthorizedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DelegateAuthorized(address indexed issuer, address indexed realm, address indexed delegate, uint48 validFrom, uint48 validUntil)
func (trustRegistry *TrustRegistry) UnpackDelegateAuthorizedEvent(log *types.Log) (*TrustRegistryDelegateAuthorized, error) {
	event := "DelegateAuthorized"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryDelegateAuthorized)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryDelegateRevoked represents a DelegateRevoked event raised by the TrustRegistry contract.
type TrustRegistryDelegateRevoked struct {
	Issuer   common.Address
	Realm    common.Address
	Delegate common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const TrustRegistryDelegateRevokedEventName = "DelegateRevoked"

// ContractEventName returns the user-defined event name.
func (TrustRegistryDelegateRevoked) ContractEventName() string {
	return TrustRegistryDelegateRevokedEventName
}

// UnpackDelegateRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DelegateRevoked(address indexed issuer, address indexed realm, address indexed delegate)
func (trustRegistry *TrustRegistry) UnpackDelegateRevokedEvent(log *types.Log) (*TrustRegistryDelegateRevoked, error) {
	event := "DelegateRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryDelegateRevoked)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryDelegatesRevokedAll represents a DelegatesRevokedAll event raised by the TrustRegistry contract.
type TrustRegistryDelegatesRevokedAll struct {
	Issuer      common.Address
	Realm       common.Address
	BlockNumber *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const TrustRegistryDelegatesRevokedAllEventName = "DelegatesRevokedAll"

// ContractEventName returns the user-defined event name.
func (TrustRegistryDelegatesRevokedAll) ContractEventName() string {
	return TrustRegistryDelegatesRevokedAllEventName
}

// UnpackDelegatesRevokedAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DelegatesRevokedAll(address indexed issuer, address indexed realm, uint48 blockNumber)
func (trustRegistry *TrustRegistry) UnpackDelegatesRevokedAllEvent(log *types.Log) (*TrustRegistryDelegatesRevokedAll, error) {
	event := "DelegatesRevokedAll"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryDelegatesRevokedAll)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryEIP712DomainChanged represents a EIP712DomainChanged event raised by the TrustRegistry contract.
type TrustRegistryEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const TrustRegistryEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (TrustRegistryEIP712DomainChanged) ContractEventName() string {
	return TrustRegistryEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (trustRegistry *TrustRegistry) UnpackEIP712DomainChangedEvent(log *types.Log) (*TrustRegistryEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryNonceUsed represents a NonceUsed event raised by the TrustRegistry contract.
type TrustRegistryNonceUsed struct {
	Actor common.Address
	Nonce *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const TrustRegistryNonceUsedEventName = "NonceUsed"

// ContractEventName returns the user-defined event name.
func (TrustRegistryNonceUsed) ContractEventName() string {
	return TrustRegistryNonceUsedEventName
}

// UnpackNonceUsedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NonceUsed(address indexed actor, uint256 nonce)
func (trustRegistry *TrustRegistry) UnpackNonceUsedEvent(log *types.Log) (*TrustRegistryNonceUsed, error) {
	event := "NonceUsed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryNonceUsed)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryOperatorAdmitted represents a OperatorAdmitted event raised by the TrustRegistry contract.
type TrustRegistryOperatorAdmitted struct {
	Root         common.Address
	Realm        common.Address
	Operator     common.Address
	Capabilities uint64
	Sequence     uint64
	Raw          *types.Log // Blockchain specific contextual infos
}

const TrustRegistryOperatorAdmittedEventName = "OperatorAdmitted"

// ContractEventName returns the user-defined event name.
func (TrustRegistryOperatorAdmitted) ContractEventName() string {
	return TrustRegistryOperatorAdmittedEventName
}

// UnpackOperatorAdmittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OperatorAdmitted(address indexed root, address indexed realm, address indexed operator, uint64 capabilities, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackOperatorAdmittedEvent(log *types.Log) (*TrustRegistryOperatorAdmitted, error) {
	event := "OperatorAdmitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryOperatorAdmitted)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryOperatorRemoved represents a OperatorRemoved event raised by the TrustRegistry contract.
type TrustRegistryOperatorRemoved struct {
	Root     common.Address
	Realm    common.Address
	Operator common.Address
	Sequence uint64
	Raw      *types.Log // Blockchain specific contextual infos
}

const TrustRegistryOperatorRemovedEventName = "OperatorRemoved"

// ContractEventName returns the user-defined event name.
func (TrustRegistryOperatorRemoved) ContractEventName() string {
	return TrustRegistryOperatorRemovedEventName
}

// UnpackOperatorRemovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OperatorRemoved(address indexed root, address indexed realm, address indexed operator, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackOperatorRemovedEvent(log *types.Log) (*TrustRegistryOperatorRemoved, error) {
	event := "OperatorRemoved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryOperatorRemoved)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRealmCARequestCancelled represents a RealmCARequestCancelled event raised by the TrustRegistry contract.
type TrustRegistryRealmCARequestCancelled struct {
	Realm    common.Address
	Root     common.Address
	Sequence uint64
	Raw      *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRealmCARequestCancelledEventName = "RealmCARequestCancelled"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRealmCARequestCancelled) ContractEventName() string {
	return TrustRegistryRealmCARequestCancelledEventName
}

// UnpackRealmCARequestCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RealmCARequestCancelled(address indexed realm, address indexed root, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackRealmCARequestCancelledEvent(log *types.Log) (*TrustRegistryRealmCARequestCancelled, error) {
	event := "RealmCARequestCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRealmCARequestCancelled)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRealmCARequested represents a RealmCARequested event raised by the TrustRegistry contract.
type TrustRegistryRealmCARequested struct {
	Realm    common.Address
	Root     common.Address
	Sequence uint64
	Raw      *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRealmCARequestedEventName = "RealmCARequested"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRealmCARequested) ContractEventName() string {
	return TrustRegistryRealmCARequestedEventName
}

// UnpackRealmCARequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RealmCARequested(address indexed realm, address indexed root, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackRealmCARequestedEvent(log *types.Log) (*TrustRegistryRealmCARequested, error) {
	event := "RealmCARequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRealmCARequested)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRealmCASet represents a RealmCASet event raised by the TrustRegistry contract.
type TrustRegistryRealmCASet struct {
	Realm        common.Address
	Root         common.Address
	PreviousRoot common.Address
	Sequence     uint64
	Raw          *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRealmCASetEventName = "RealmCASet"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRealmCASet) ContractEventName() string {
	return TrustRegistryRealmCASetEventName
}

// UnpackRealmCASetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RealmCASet(address indexed realm, address indexed root, address indexed previousRoot, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackRealmCASetEvent(log *types.Log) (*TrustRegistryRealmCASet, error) {
	event := "RealmCASet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRealmCASet)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRelayedCallExecuted represents a RelayedCallExecuted event raised by the TrustRegistry contract.
type TrustRegistryRelayedCallExecuted struct {
	Actor common.Address
	Nonce *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRelayedCallExecutedEventName = "RelayedCallExecuted"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRelayedCallExecuted) ContractEventName() string {
	return TrustRegistryRelayedCallExecutedEventName
}

// UnpackRelayedCallExecutedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RelayedCallExecuted(address indexed actor, uint256 nonce)
func (trustRegistry *TrustRegistry) UnpackRelayedCallExecutedEvent(log *types.Log) (*TrustRegistryRelayedCallExecuted, error) {
	event := "RelayedCallExecuted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRelayedCallExecuted)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRootActionApproved represents a RootActionApproved event raised by the TrustRegistry contract.
type TrustRegistryRootActionApproved struct {
	Root      common.Address
	ActionId  [32]byte
	Member    common.Address
	Approvals *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRootActionApprovedEventName = "RootActionApproved"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRootActionApproved) ContractEventName() string {
	return TrustRegistryRootActionApprovedEventName
}

// UnpackRootActionApprovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootActionApproved(address indexed root, bytes32 indexed actionId, address indexed member, uint256 approvals)
func (trustRegistry *TrustRegistry) UnpackRootActionApprovedEvent(log *types.Log) (*TrustRegistryRootActionApproved, error) {
	event := "RootActionApproved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRootActionApproved)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRootActionExecuted represents a RootActionExecuted event raised by the TrustRegistry contract.
type TrustRegistryRootActionExecuted struct {
	Root     common.Address
	ActionId [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRootActionExecutedEventName = "RootActionExecuted"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRootActionExecuted) ContractEventName() string {
	return TrustRegistryRootActionExecutedEventName
}

// UnpackRootActionExecutedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootActionExecuted(address indexed root, bytes32 indexed actionId)
func (trustRegistry *TrustRegistry) UnpackRootActionExecutedEvent(log *types.Log) (*TrustRegistryRootActionExecuted, error) {
	event := "RootActionExecuted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRootActionExecuted)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRootEpochBumped represents a RootEpochBumped event raised by the TrustRegistry contract.
type TrustRegistryRootEpochBumped struct {
	Root       common.Address
	Epoch      uint32
	EpochBlock *big.Int
	Sequence   uint64
	Raw        *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRootEpochBumpedEventName = "RootEpochBumped"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRootEpochBumped) ContractEventName() string {
	return TrustRegistryRootEpochBumpedEventName
}

// UnpackRootEpochBumpedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootEpochBumped(address indexed root, uint32 epoch, uint48 epochBlock, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackRootEpochBumpedEvent(log *types.Log) (*TrustRegistryRootEpochBumped, error) {
	event := "RootEpochBumped"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRootEpochBumped)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRootMembersChanged represents a RootMembersChanged event raised by the TrustRegistry contract.
type TrustRegistryRootMembersChanged struct {
	Root          common.Address
	Members       []common.Address
	Threshold     uint8
	ConfigVersion uint32
	Sequence      uint64
	Raw           *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRootMembersChangedEventName = "RootMembersChanged"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRootMembersChanged) ContractEventName() string {
	return TrustRegistryRootMembersChangedEventName
}

// UnpackRootMembersChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootMembersChanged(address indexed root, address[] members, uint8 threshold, uint32 configVersion, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackRootMembersChangedEvent(log *types.Log) (*TrustRegistryRootMembersChanged, error) {
	event := "RootMembersChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRootMembersChanged)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRootPolicyChanged represents a RootPolicyChanged event raised by the TrustRegistry contract.
type TrustRegistryRootPolicyChanged struct {
	Root     common.Address
	Policy   uint8
	Sequence uint64
	Raw      *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRootPolicyChangedEventName = "RootPolicyChanged"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRootPolicyChanged) ContractEventName() string {
	return TrustRegistryRootPolicyChangedEventName
}

// UnpackRootPolicyChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootPolicyChanged(address indexed root, uint8 policy, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackRootPolicyChangedEvent(log *types.Log) (*TrustRegistryRootPolicyChanged, error) {
	event := "RootPolicyChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRootPolicyChanged)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRootRegistered represents a RootRegistered event raised by the TrustRegistry contract.
type TrustRegistryRootRegistered struct {
	Root      common.Address
	Kind      uint8
	Policy    uint8
	Registrar common.Address
	Sequence  uint64
	Raw       *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRootRegisteredEventName = "RootRegistered"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRootRegistered) ContractEventName() string {
	return TrustRegistryRootRegisteredEventName
}

// UnpackRootRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootRegistered(address indexed root, uint8 kind, uint8 policy, address indexed registrar, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackRootRegisteredEvent(log *types.Log) (*TrustRegistryRootRegistered, error) {
	event := "RootRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRootRegistered)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TrustRegistryRootRetired represents a RootRetired event raised by the TrustRegistry contract.
type TrustRegistryRootRetired struct {
	Root     common.Address
	Sequence uint64
	Raw      *types.Log // Blockchain specific contextual infos
}

const TrustRegistryRootRetiredEventName = "RootRetired"

// ContractEventName returns the user-defined event name.
func (TrustRegistryRootRetired) ContractEventName() string {
	return TrustRegistryRootRetiredEventName
}

// UnpackRootRetiredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootRetired(address indexed root, uint64 sequence)
func (trustRegistry *TrustRegistry) UnpackRootRetiredEvent(log *types.Log) (*TrustRegistryRootRetired, error) {
	event := "RootRetired"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryRootRetired)
	if len(log.Data) > 0 {
		if err := trustRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range trustRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (trustRegistry *TrustRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["DelegateRegistryAlreadyRevoked"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackDelegateRegistryAlreadyRevokedError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["DelegateRegistryCertificateAlreadyRevoked"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackDelegateRegistryCertificateAlreadyRevokedError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["DelegateRegistryInvalidValidity"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackDelegateRegistryInvalidValidityError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["DelegateRegistryNotAuthorized"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackDelegateRegistryNotAuthorizedError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["InvalidAccountNonce"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackInvalidAccountNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RealmRegistryAdmissionNotRequested"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRealmRegistryAdmissionNotRequestedError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RealmRegistryAdmissionPrivate"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRealmRegistryAdmissionPrivateError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RealmRegistryNotAdmitted"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRealmRegistryNotAdmittedError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RealmRegistryNotRealmCA"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRealmRegistryNotRealmCAError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RealmRegistryRealmCANotPending"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRealmRegistryRealmCANotPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RealmRegistryRealmCANotRequested"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRealmRegistryRealmCANotRequestedError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RealmRegistryUnknownRealm"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRealmRegistryUnknownRealmError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RelayedActorCallNotRelayable"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRelayedActorCallNotRelayableError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RelayedActorCallTooShort"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRelayedActorCallTooShortError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RelayedActorExpiredSignature"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRelayedActorExpiredSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["RelayedActorInvalidSignature"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackRelayedActorInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["TrustRegistryNoChange"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackTrustRegistryNoChangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["TrustRegistryZeroAddress"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackTrustRegistryZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["TrustrootRegistryAlreadyApproved"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackTrustrootRegistryAlreadyApprovedError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["TrustrootRegistryInvalidMembers"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackTrustrootRegistryInvalidMembersError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["TrustrootRegistryNotMember"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackTrustrootRegistryNotMemberError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["TrustrootRegistryNotSharedRoot"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackTrustrootRegistryNotSharedRootError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["TrustrootRegistryRootExists"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackTrustrootRegistryRootExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["TrustrootRegistryRootNotActive"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackTrustrootRegistryRootNotActiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["WmpCapabilitiesInvalidCapabilities"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackWmpCapabilitiesInvalidCapabilitiesError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// TrustRegistryDelegateRegistryAlreadyRevoked represents a DelegateRegistryAlreadyRevoked error raised by the TrustRegistry contract.
type TrustRegistryDelegateRegistryAlreadyRevoked struct {
	Issuer   common.Address
	Realm    common.Address
	Delegate common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DelegateRegistryAlreadyRevoked(address issuer, address realm, address delegate)
func TrustRegistryDelegateRegistryAlreadyRevokedErrorID() common.Hash {
	return common.HexToHash("0xddfc9075cc96b879390aa9a22a6b7277fbe82f6beae3c6e0d55ae59e6a6917c9")
}

// UnpackDelegateRegistryAlreadyRevokedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DelegateRegistryAlreadyRevoked(address issuer, address realm, address delegate)
func (trustRegistry *TrustRegistry) UnpackDelegateRegistryAlreadyRevokedError(raw []byte) (*TrustRegistryDelegateRegistryAlreadyRevoked, error) {
	out := new(TrustRegistryDelegateRegistryAlreadyRevoked)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "DelegateRegistryAlreadyRevoked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryDelegateRegistryCertificateAlreadyRevoked represents a DelegateRegistryCertificateAlreadyRevoked error raised by the TrustRegistry contract.
type TrustRegistryDelegateRegistryCertificateAlreadyRevoked struct {
	Signer common.Address
	Digest [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DelegateRegistryCertificateAlreadyRevoked(address signer, bytes32 digest)
func TrustRegistryDelegateRegistryCertificateAlreadyRevokedErrorID() common.Hash {
	return common.HexToHash("0x6b7ec1f499a22c29abd5d9a7fae60d65fcbea91f9a352c4754e4d51090c8d5af")
}

// UnpackDelegateRegistryCertificateAlreadyRevokedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DelegateRegistryCertificateAlreadyRevoked(address signer, bytes32 digest)
func (trustRegistry *TrustRegistry) UnpackDelegateRegistryCertificateAlreadyRevokedError(raw []byte) (*TrustRegistryDelegateRegistryCertificateAlreadyRevoked, error) {
	out := new(TrustRegistryDelegateRegistryCertificateAlreadyRevoked)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "DelegateRegistryCertificateAlreadyRevoked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryDelegateRegistryInvalidValidity represents a DelegateRegistryInvalidValidity error raised by the TrustRegistry contract.
type TrustRegistryDelegateRegistryInvalidValidity struct {
	ValidFrom  *big.Int
	ValidUntil *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DelegateRegistryInvalidValidity(uint48 validFrom, uint48 validUntil)
func TrustRegistryDelegateRegistryInvalidValidityErrorID() common.Hash {
	return common.HexToHash("0x34ae8aabbfa1488c7a238a2291342631c0b3c841473684acbed7b0df92ee596d")
}

// UnpackDelegateRegistryInvalidValidityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DelegateRegistryInvalidValidity(uint48 validFrom, uint48 validUntil)
func (trustRegistry *TrustRegistry) UnpackDelegateRegistryInvalidValidityError(raw []byte) (*TrustRegistryDelegateRegistryInvalidValidity, error) {
	out := new(TrustRegistryDelegateRegistryInvalidValidity)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "DelegateRegistryInvalidValidity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryDelegateRegistryNotAuthorized represents a DelegateRegistryNotAuthorized error raised by the TrustRegistry contract.
type TrustRegistryDelegateRegistryNotAuthorized struct {
	Issuer   common.Address
	Realm    common.Address
	Delegate common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DelegateRegistryNotAuthorized(address issuer, address realm, address delegate)
func TrustRegistryDelegateRegistryNotAuthorizedErrorID() common.Hash {
	return common.HexToHash("0xec6777b501fbc80102a51193f3a9849cc36091dc5dea2b5374905282152d3efd")
}

// UnpackDelegateRegistryNotAuthorizedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DelegateRegistryNotAuthorized(address issuer, address realm, address delegate)
func (trustRegistry *TrustRegistry) UnpackDelegateRegistryNotAuthorizedError(raw []byte) (*TrustRegistryDelegateRegistryNotAuthorized, error) {
	out := new(TrustRegistryDelegateRegistryNotAuthorized)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "DelegateRegistryNotAuthorized", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryInvalidAccountNonce represents a InvalidAccountNonce error raised by the TrustRegistry contract.
type TrustRegistryInvalidAccountNonce struct {
	Account      common.Address
	CurrentNonce *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func TrustRegistryInvalidAccountNonceErrorID() common.Hash {
	return common.HexToHash("0x752d88c0de02638abf10e8e31861e4c68dc1f3a1e7d840e580683f2c282bfc7a")
}

// UnpackInvalidAccountNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func (trustRegistry *TrustRegistry) UnpackInvalidAccountNonceError(raw []byte) (*TrustRegistryInvalidAccountNonce, error) {
	out := new(TrustRegistryInvalidAccountNonce)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "InvalidAccountNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryInvalidShortString represents a InvalidShortString error raised by the TrustRegistry contract.
type TrustRegistryInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func TrustRegistryInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (trustRegistry *TrustRegistry) UnpackInvalidShortStringError(raw []byte) (*TrustRegistryInvalidShortString, error) {
	out := new(TrustRegistryInvalidShortString)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRealmRegistryAdmissionNotRequested represents a RealmRegistryAdmissionNotRequested error raised by the TrustRegistry contract.
type TrustRegistryRealmRegistryAdmissionNotRequested struct {
	Operator     common.Address
	Capabilities uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RealmRegistryAdmissionNotRequested(address operator, uint64 capabilities)
func TrustRegistryRealmRegistryAdmissionNotRequestedErrorID() common.Hash {
	return common.HexToHash("0xf6cc985a32f9e8bca306d951baf17b287ff586fa06a37461d1004668096b4787")
}

// UnpackRealmRegistryAdmissionNotRequestedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RealmRegistryAdmissionNotRequested(address operator, uint64 capabilities)
func (trustRegistry *TrustRegistry) UnpackRealmRegistryAdmissionNotRequestedError(raw []byte) (*TrustRegistryRealmRegistryAdmissionNotRequested, error) {
	out := new(TrustRegistryRealmRegistryAdmissionNotRequested)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RealmRegistryAdmissionNotRequested", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRealmRegistryAdmissionPrivate represents a RealmRegistryAdmissionPrivate error raised by the TrustRegistry contract.
type TrustRegistryRealmRegistryAdmissionPrivate struct {
	Root common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RealmRegistryAdmissionPrivate(address root)
func TrustRegistryRealmRegistryAdmissionPrivateErrorID() common.Hash {
	return common.HexToHash("0x34d1f7ec5deff32c387597ebf18a540a6db0793be891890378638466d62e0c89")
}

// UnpackRealmRegistryAdmissionPrivateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RealmRegistryAdmissionPrivate(address root)
func (trustRegistry *TrustRegistry) UnpackRealmRegistryAdmissionPrivateError(raw []byte) (*TrustRegistryRealmRegistryAdmissionPrivate, error) {
	out := new(TrustRegistryRealmRegistryAdmissionPrivate)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RealmRegistryAdmissionPrivate", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRealmRegistryNotAdmitted represents a RealmRegistryNotAdmitted error raised by the TrustRegistry contract.
type TrustRegistryRealmRegistryNotAdmitted struct {
	Operator common.Address
	Realm    common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RealmRegistryNotAdmitted(address operator, address realm)
func TrustRegistryRealmRegistryNotAdmittedErrorID() common.Hash {
	return common.HexToHash("0x7524a34f6e469411adcd12e68be71ce7854eb007fa4f2cd231b8ba6e2082ea4f")
}

// UnpackRealmRegistryNotAdmittedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RealmRegistryNotAdmitted(address operator, address realm)
func (trustRegistry *TrustRegistry) UnpackRealmRegistryNotAdmittedError(raw []byte) (*TrustRegistryRealmRegistryNotAdmitted, error) {
	out := new(TrustRegistryRealmRegistryNotAdmitted)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RealmRegistryNotAdmitted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRealmRegistryNotRealmCA represents a RealmRegistryNotRealmCA error raised by the TrustRegistry contract.
type TrustRegistryRealmRegistryNotRealmCA struct {
	Caller common.Address
	Realm  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RealmRegistryNotRealmCA(address caller, address realm)
func TrustRegistryRealmRegistryNotRealmCAErrorID() common.Hash {
	return common.HexToHash("0xc8198ab5690286ef03f5c3deb741413abc5e0fcf52f1070ba89e0517ce3e85b9")
}

// UnpackRealmRegistryNotRealmCAError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RealmRegistryNotRealmCA(address caller, address realm)
func (trustRegistry *TrustRegistry) UnpackRealmRegistryNotRealmCAError(raw []byte) (*TrustRegistryRealmRegistryNotRealmCA, error) {
	out := new(TrustRegistryRealmRegistryNotRealmCA)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RealmRegistryNotRealmCA", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRealmRegistryRealmCANotPending represents a RealmRegistryRealmCANotPending error raised by the TrustRegistry contract.
type TrustRegistryRealmRegistryRealmCANotPending struct {
	Realm common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RealmRegistryRealmCANotPending(address realm)
func TrustRegistryRealmRegistryRealmCANotPendingErrorID() common.Hash {
	return common.HexToHash("0x87de644a33ce1f841101c69b4d3cac1a1afe95f8518f3ddda1148ee8e51d07cb")
}

// UnpackRealmRegistryRealmCANotPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RealmRegistryRealmCANotPending(address realm)
func (trustRegistry *TrustRegistry) UnpackRealmRegistryRealmCANotPendingError(raw []byte) (*TrustRegistryRealmRegistryRealmCANotPending, error) {
	out := new(TrustRegistryRealmRegistryRealmCANotPending)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RealmRegistryRealmCANotPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRealmRegistryRealmCANotRequested represents a RealmRegistryRealmCANotRequested error raised by the TrustRegistry contract.
type TrustRegistryRealmRegistryRealmCANotRequested struct {
	Realm common.Address
	Root  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RealmRegistryRealmCANotRequested(address realm, address root)
func TrustRegistryRealmRegistryRealmCANotRequestedErrorID() common.Hash {
	return common.HexToHash("0xbec16024dbf4db6a7ac3008082c341fb5099cda618836b4e5a56f5da0228e7d8")
}

// UnpackRealmRegistryRealmCANotRequestedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RealmRegistryRealmCANotRequested(address realm, address root)
func (trustRegistry *TrustRegistry) UnpackRealmRegistryRealmCANotRequestedError(raw []byte) (*TrustRegistryRealmRegistryRealmCANotRequested, error) {
	out := new(TrustRegistryRealmRegistryRealmCANotRequested)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RealmRegistryRealmCANotRequested", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRealmRegistryUnknownRealm represents a RealmRegistryUnknownRealm error raised by the TrustRegistry contract.
type TrustRegistryRealmRegistryUnknownRealm struct {
	Realm common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RealmRegistryUnknownRealm(address realm)
func TrustRegistryRealmRegistryUnknownRealmErrorID() common.Hash {
	return common.HexToHash("0x4b7d579b43e26ce2dbd2eda6c8177bb45d11ce4b40453caef326a5f6afd34a77")
}

// UnpackRealmRegistryUnknownRealmError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RealmRegistryUnknownRealm(address realm)
func (trustRegistry *TrustRegistry) UnpackRealmRegistryUnknownRealmError(raw []byte) (*TrustRegistryRealmRegistryUnknownRealm, error) {
	out := new(TrustRegistryRealmRegistryUnknownRealm)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RealmRegistryUnknownRealm", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRelayedActorCallNotRelayable represents a RelayedActorCallNotRelayable error raised by the TrustRegistry contract.
type TrustRegistryRelayedActorCallNotRelayable struct {
	Selector [4]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RelayedActorCallNotRelayable(bytes4 selector)
func TrustRegistryRelayedActorCallNotRelayableErrorID() common.Hash {
	return common.HexToHash("0x672c5505ad529c9de17e9891e4252dd641960456aa168b4d13d934e940000cd2")
}

// UnpackRelayedActorCallNotRelayableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RelayedActorCallNotRelayable(bytes4 selector)
func (trustRegistry *TrustRegistry) UnpackRelayedActorCallNotRelayableError(raw []byte) (*TrustRegistryRelayedActorCallNotRelayable, error) {
	out := new(TrustRegistryRelayedActorCallNotRelayable)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RelayedActorCallNotRelayable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRelayedActorCallTooShort represents a RelayedActorCallTooShort error raised by the TrustRegistry contract.
type TrustRegistryRelayedActorCallTooShort struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RelayedActorCallTooShort()
func TrustRegistryRelayedActorCallTooShortErrorID() common.Hash {
	return common.HexToHash("0x963e574d8bebf2fcbdba751795ab85daf1b139397c4b531ecd319753f11cd95a")
}

// UnpackRelayedActorCallTooShortError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RelayedActorCallTooShort()
func (trustRegistry *TrustRegistry) UnpackRelayedActorCallTooShortError(raw []byte) (*TrustRegistryRelayedActorCallTooShort, error) {
	out := new(TrustRegistryRelayedActorCallTooShort)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RelayedActorCallTooShort", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRelayedActorExpiredSignature represents a RelayedActorExpiredSignature error raised by the TrustRegistry contract.
type TrustRegistryRelayedActorExpiredSignature struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RelayedActorExpiredSignature(uint256 deadline)
func TrustRegistryRelayedActorExpiredSignatureErrorID() common.Hash {
	return common.HexToHash("0xe6269ee0f3b268b26e2c4815ee0b5c363e01ebf8644b342b60258f1fe7cf4bbe")
}

// UnpackRelayedActorExpiredSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RelayedActorExpiredSignature(uint256 deadline)
func (trustRegistry *TrustRegistry) UnpackRelayedActorExpiredSignatureError(raw []byte) (*TrustRegistryRelayedActorExpiredSignature, error) {
	out := new(TrustRegistryRelayedActorExpiredSignature)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RelayedActorExpiredSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryRelayedActorInvalidSignature represents a RelayedActorInvalidSignature error raised by the TrustRegistry contract.
type TrustRegistryRelayedActorInvalidSignature struct {
	Actor common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RelayedActorInvalidSignature(address actor)
func TrustRegistryRelayedActorInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x7e112aa1bb7b8c7a93f9858f4b7575336f6c58f4c764987ae6ea8721001804a2")
}

// UnpackRelayedActorInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RelayedActorInvalidSignature(address actor)
func (trustRegistry *TrustRegistry) UnpackRelayedActorInvalidSignatureError(raw []byte) (*TrustRegistryRelayedActorInvalidSignature, error) {
	out := new(TrustRegistryRelayedActorInvalidSignature)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "RelayedActorInvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryStringTooLong represents a StringTooLong error raised by the TrustRegistry contract.
type TrustRegistryStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func TrustRegistryStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (trustRegistry *TrustRegistry) UnpackStringTooLongError(raw []byte) (*TrustRegistryStringTooLong, error) {
	out := new(TrustRegistryStringTooLong)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryTrustRegistryNoChange represents a TrustRegistryNoChange error raised by the TrustRegistry contract.
type TrustRegistryTrustRegistryNoChange struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrustRegistryNoChange()
func TrustRegistryTrustRegistryNoChangeErrorID() common.Hash {
	return common.HexToHash("0x08a9cdd6e47672fafcfd935bfb5cfe689e788668d4c22062c989719f78490947")
}

// UnpackTrustRegistryNoChangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrustRegistryNoChange()
func (trustRegistry *TrustRegistry) UnpackTrustRegistryNoChangeError(raw []byte) (*TrustRegistryTrustRegistryNoChange, error) {
	out := new(TrustRegistryTrustRegistryNoChange)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "TrustRegistryNoChange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryTrustRegistryZeroAddress represents a TrustRegistryZeroAddress error raised by the TrustRegistry contract.
type TrustRegistryTrustRegistryZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrustRegistryZeroAddress()
func TrustRegistryTrustRegistryZeroAddressErrorID() common.Hash {
	return common.HexToHash("0x8924f36683adebd7f7810268e32b1645d689d031a6d4b9a666822261938ce35c")
}

// UnpackTrustRegistryZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrustRegistryZeroAddress()
func (trustRegistry *TrustRegistry) UnpackTrustRegistryZeroAddressError(raw []byte) (*TrustRegistryTrustRegistryZeroAddress, error) {
	out := new(TrustRegistryTrustRegistryZeroAddress)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "TrustRegistryZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryTrustrootRegistryAlreadyApproved represents a TrustrootRegistryAlreadyApproved error raised by the TrustRegistry contract.
type TrustRegistryTrustrootRegistryAlreadyApproved struct {
	Member   common.Address
	ActionId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrustrootRegistryAlreadyApproved(address member, bytes32 actionId)
func TrustRegistryTrustrootRegistryAlreadyApprovedErrorID() common.Hash {
	return common.HexToHash("0x467570f95fc0e98378a11ff203c0aa5e2a751057d042dfa54e409ffbd236023b")
}

// UnpackTrustrootRegistryAlreadyApprovedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrustrootRegistryAlreadyApproved(address member, bytes32 actionId)
func (trustRegistry *TrustRegistry) UnpackTrustrootRegistryAlreadyApprovedError(raw []byte) (*TrustRegistryTrustrootRegistryAlreadyApproved, error) {
	out := new(TrustRegistryTrustrootRegistryAlreadyApproved)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "TrustrootRegistryAlreadyApproved", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryTrustrootRegistryInvalidMembers represents a TrustrootRegistryInvalidMembers error raised by the TrustRegistry contract.
type TrustRegistryTrustrootRegistryInvalidMembers struct {
	MemberCount *big.Int
	Threshold   uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrustrootRegistryInvalidMembers(uint256 memberCount, uint8 threshold)
func TrustRegistryTrustrootRegistryInvalidMembersErrorID() common.Hash {
	return common.HexToHash("0x7b6c44f5ddfcdb0f9ed94f81bb2eef125a4e7e51ea625922e1b8ebb6c8f2594d")
}

// UnpackTrustrootRegistryInvalidMembersError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrustrootRegistryInvalidMembers(uint256 memberCount, uint8 threshold)
func (trustRegistry *TrustRegistry) UnpackTrustrootRegistryInvalidMembersError(raw []byte) (*TrustRegistryTrustrootRegistryInvalidMembers, error) {
	out := new(TrustRegistryTrustrootRegistryInvalidMembers)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "TrustrootRegistryInvalidMembers", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryTrustrootRegistryNotMember represents a TrustrootRegistryNotMember error raised by the TrustRegistry contract.
type TrustRegistryTrustrootRegistryNotMember struct {
	Account common.Address
	Root    common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrustrootRegistryNotMember(address account, address root)
func TrustRegistryTrustrootRegistryNotMemberErrorID() common.Hash {
	return common.HexToHash("0x3f8e0f057d94377ef1a62f0422cfde5ca6809bb773d858e9fb3fd2f166fd2771")
}

// UnpackTrustrootRegistryNotMemberError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrustrootRegistryNotMember(address account, address root)
func (trustRegistry *TrustRegistry) UnpackTrustrootRegistryNotMemberError(raw []byte) (*TrustRegistryTrustrootRegistryNotMember, error) {
	out := new(TrustRegistryTrustrootRegistryNotMember)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "TrustrootRegistryNotMember", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryTrustrootRegistryNotSharedRoot represents a TrustrootRegistryNotSharedRoot error raised by the TrustRegistry contract.
type TrustRegistryTrustrootRegistryNotSharedRoot struct {
	Root common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrustrootRegistryNotSharedRoot(address root)
func TrustRegistryTrustrootRegistryNotSharedRootErrorID() common.Hash {
	return common.HexToHash("0x60b93c44e675bf37300bfe4192bf42bd2ed4702ec4acaf19fd49342fdfd30b59")
}

// UnpackTrustrootRegistryNotSharedRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrustrootRegistryNotSharedRoot(address root)
func (trustRegistry *TrustRegistry) UnpackTrustrootRegistryNotSharedRootError(raw []byte) (*TrustRegistryTrustrootRegistryNotSharedRoot, error) {
	out := new(TrustRegistryTrustrootRegistryNotSharedRoot)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "TrustrootRegistryNotSharedRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryTrustrootRegistryRootExists represents a TrustrootRegistryRootExists error raised by the TrustRegistry contract.
type TrustRegistryTrustrootRegistryRootExists struct {
	Root common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrustrootRegistryRootExists(address root)
func TrustRegistryTrustrootRegistryRootExistsErrorID() common.Hash {
	return common.HexToHash("0x626773cc09a0a0bbf26ab50cf3e71fd5d8776d52bc114e281a8c3d833e765b01")
}

// UnpackTrustrootRegistryRootExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrustrootRegistryRootExists(address root)
func (trustRegistry *TrustRegistry) UnpackTrustrootRegistryRootExistsError(raw []byte) (*TrustRegistryTrustrootRegistryRootExists, error) {
	out := new(TrustRegistryTrustrootRegistryRootExists)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "TrustrootRegistryRootExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryTrustrootRegistryRootNotActive represents a TrustrootRegistryRootNotActive error raised by the TrustRegistry contract.
type TrustRegistryTrustrootRegistryRootNotActive struct {
	Root common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrustrootRegistryRootNotActive(address root)
func TrustRegistryTrustrootRegistryRootNotActiveErrorID() common.Hash {
	return common.HexToHash("0x488ea2451bcf140e69a6dacc1c309ada8ae12ea6693f8839c4d51b166c1f67fd")
}

// UnpackTrustrootRegistryRootNotActiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrustrootRegistryRootNotActive(address root)
func (trustRegistry *TrustRegistry) UnpackTrustrootRegistryRootNotActiveError(raw []byte) (*TrustRegistryTrustrootRegistryRootNotActive, error) {
	out := new(TrustRegistryTrustrootRegistryRootNotActive)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "TrustrootRegistryRootNotActive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryWmpCapabilitiesInvalidCapabilities represents a WmpCapabilitiesInvalidCapabilities error raised by the TrustRegistry contract.
type TrustRegistryWmpCapabilitiesInvalidCapabilities struct {
	Capabilities uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WmpCapabilitiesInvalidCapabilities(uint64 capabilities)
func TrustRegistryWmpCapabilitiesInvalidCapabilitiesErrorID() common.Hash {
	return common.HexToHash("0xf630ae3140dc7a4d0a31f4bbfda67e45b3fdacce27d176261d3a58d9e825cee1")
}

// UnpackWmpCapabilitiesInvalidCapabilitiesError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WmpCapabilitiesInvalidCapabilities(uint64 capabilities)
func (trustRegistry *TrustRegistry) UnpackWmpCapabilitiesInvalidCapabilitiesError(raw []byte) (*TrustRegistryWmpCapabilitiesInvalidCapabilities, error) {
	out := new(TrustRegistryWmpCapabilitiesInvalidCapabilities)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "WmpCapabilitiesInvalidCapabilities", raw); err != nil {
		return nil, err
	}
	return out, nil
}
