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
	ABI: "[{\"type\":\"function\",\"name\":\"AUTHORITY_CERTIFICATE_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DELEGATE_CERTIFICATE_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_MEMBERS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"RELAYED_CALL_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"WMP_DOMAIN_SEPARATOR\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"WMP_DOMAIN_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"acceptRealm\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"admitOperator\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"approvalsOf\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"count\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"approveRootAction\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"executed\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"attestationStatus\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"measurement\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"policy\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"akDigest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.MeasurementStatus\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"authorityCertificateDigest\",\"inputs\":[{\"name\":\"cert\",\"type\":\"tuple\",\"internalType\":\"structWmpCertificates.AuthorityCertificate\",\"components\":[{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"meta\",\"type\":\"string\",\"internalType\":\"string\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"authorizationStatus\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AuthorizationStatus\"},{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"issuerCapabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"authorize\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"authorizeWithAttestationKey\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"akDigest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"bumpEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"epoch\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"cancelRealmCARequest\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"certificateRevokedAt\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"delegateCertificateDigest\",\"inputs\":[{\"name\":\"cert\",\"type\":\"tuple\",\"internalType\":\"structWmpCertificates.DelegateCertificate\",\"components\":[{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"csPubKey\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"bootedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"meta\",\"type\":\"string\",\"internalType\":\"string\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"execute\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"result\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"getAdmission\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structITrustRegistry.Admission\",\"components\":[{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionStatus\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"admittedBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"revokedAllBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getAuthorization\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structITrustRegistry.Authorization\",\"components\":[{\"name\":\"validFrom\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"revokedAt\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"issuedBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRealm\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structITrustRegistry.Realm\",\"components\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"rootSetBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoot\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"tuple\",\"internalType\":\"structITrustRegistry.Root\",\"components\":[{\"name\":\"kind\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.RootKind\"},{\"name\":\"status\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.RootStatus\"},{\"name\":\"policy\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"memberCount\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"epoch\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"epochBlock\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"configVersion\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isAuthorized\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isMember\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"membersOf\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address[]\",\"internalType\":\"address[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nonces\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nonces\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"key\",\"type\":\"uint192\",\"internalType\":\"uint192\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingRealmCA\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"registerRoot\",\"inputs\":[{\"name\":\"policy\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"registerSharedRoot\",\"inputs\":[{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"members\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"policy\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"}],\"outputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"relayedCallDigest\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"removeOperator\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestAdmission\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestRealmCA\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"retire\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revoke\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeAllDelegates\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeCertificate\",\"inputs\":[{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"rootActionId\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"data\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"setAttestationPolicy\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"required\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"maxQuoteAge\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"pcrSelection\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setMeasurement\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"measurement\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"allowed\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setMembers\",\"inputs\":[{\"name\":\"members\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setPolicy\",\"inputs\":[{\"name\":\"policy\",\"type\":\"uint8\",\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"sharedRootAddress\",\"inputs\":[{\"name\":\"registrar\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"useNonce\",\"inputs\":[{\"name\":\"key\",\"type\":\"uint192\",\"internalType\":\"uint192\"}],\"outputs\":[{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"verifyAuthorityCertificate\",\"inputs\":[{\"name\":\"cert\",\"type\":\"tuple\",\"internalType\":\"structWmpCertificates.AuthorityCertificate\",\"components\":[{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"subject\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"meta\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"verifyDelegateCertificate\",\"inputs\":[{\"name\":\"cert\",\"type\":\"tuple\",\"internalType\":\"structWmpCertificates.DelegateCertificate\",\"components\":[{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"csPubKey\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"bootedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"meta\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"AdmissionRequested\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"AttestationPolicySet\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"required\",\"type\":\"bool\",\"indexed\":false,\"internalType\":\"bool\"},{\"name\":\"maxQuoteAge\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"pcrSelection\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"CertificateRevoked\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DelegateAuthorized\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DelegateAuthorizedWithAttestationKey\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"validFrom\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"},{\"name\":\"akDigest\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DelegateRevoked\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DelegatesRevokedAll\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"blockNumber\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MeasurementAllowed\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"measurement\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"MeasurementRevoked\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"measurement\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NonceUsed\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OperatorAdmitted\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"OperatorRemoved\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"operator\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RealmCARequestCancelled\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RealmCARequested\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RealmCASet\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"previousRoot\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RelayedCallExecuted\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootActionApproved\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"actionId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"member\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"approvals\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootActionExecuted\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"actionId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootEpochBumped\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"epochBlock\",\"type\":\"uint48\",\"indexed\":false,\"internalType\":\"uint48\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootMembersChanged\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"members\",\"type\":\"address[]\",\"indexed\":false,\"internalType\":\"address[]\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"uint8\"},{\"name\":\"configVersion\",\"type\":\"uint32\",\"indexed\":false,\"internalType\":\"uint32\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootPolicyChanged\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"policy\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootRegistered\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"kind\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumITrustRegistry.RootKind\"},{\"name\":\"policy\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumITrustRegistry.AdmissionPolicy\"},{\"name\":\"registrar\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootRetired\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sequence\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AttestationRegistryInvalidAttestationPolicy\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"AttestationRegistryMeasurementNotAllowed\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"measurement\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"AttestationRegistryZeroDigest\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"DelegateRegistryAlreadyRevoked\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"DelegateRegistryCertificateAlreadyRevoked\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"DelegateRegistryInvalidValidity\",\"inputs\":[{\"name\":\"validFrom\",\"type\":\"uint48\",\"internalType\":\"uint48\"},{\"name\":\"validUntil\",\"type\":\"uint48\",\"internalType\":\"uint48\"}]},{\"type\":\"error\",\"name\":\"DelegateRegistryNotAuthorized\",\"inputs\":[{\"name\":\"issuer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"delegate\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"InvalidAccountNonce\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"currentNonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RealmRegistryAdmissionNotRequested\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryAdmissionPrivate\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryNotAdmitted\",\"inputs\":[{\"name\":\"operator\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryNotRealmCA\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryRealmCANotPending\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryRealmCANotRequested\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RealmRegistryUnknownRealm\",\"inputs\":[{\"name\":\"realm\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"RelayedActorCallNotRelayable\",\"inputs\":[{\"name\":\"selector\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}]},{\"type\":\"error\",\"name\":\"RelayedActorCallTooShort\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RelayedActorExpiredSignature\",\"inputs\":[{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"RelayedActorInvalidSignature\",\"inputs\":[{\"name\":\"actor\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"TrustRegistryNoChange\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"TrustRegistryZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"TrustrootRegistryAlreadyApproved\",\"inputs\":[{\"name\":\"member\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"actionId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryInvalidMembers\",\"inputs\":[{\"name\":\"memberCount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"threshold\",\"type\":\"uint8\",\"internalType\":\"uint8\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryNotMember\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryNotSharedRoot\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryRootExists\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"TrustrootRegistryRootNotActive\",\"inputs\":[{\"name\":\"root\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"WmpCapabilitiesInvalidCapabilities\",\"inputs\":[{\"name\":\"capabilities\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}]",
	ID:  "TrustRegistry",
	Bin: "0x610160604052348015610010575f5ffd5b506040518060400160405280601781526020017f57414d502d453245452054727573745265676973747279000000000000000000815250604051806040016040528060018152602001603160f81b8152506100708261011760201b60201c565b6101205261007d81610117565b61014052815160208084019190912060e052815190820120610100524660a05261010960e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526101b8565b5f5f829050601f8151111561014a578260405163305a27a960e01b8152600401610141919061015d565b60405180910390fd5b805161015582610192565b179392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156101b2575f198160200360031b1b821691505b50919050565b60805160a05160c05160e051610100516101205161014051615b196102095f395f613d7701525f613d4701525f614a9101525f614a6901525f6149c401525f6149ee01525f614a180152615b195ff3fe608060405234801561000f575f5ffd5b5060043610610325575f3560e01c80638b6bd95b116101a8578063c074ce3e116100f3578063d86b407f1161009e578063e832027711610079578063e83202771461092f578063ea0e35b114610951578063f20b20c414610959578063f2132a001461096c575f5ffd5b8063d86b407f146108f6578063dcf3fb2a14610909578063e0c731781461091c575f5ffd5b8063c63b6765116100ce578063c63b6765146107c5578063c6cbc52a146108c6578063d6044f1d146108d9575f5ffd5b8063c074ce3e14610703578063c260d60d14610716578063c49e8938146107b2575f5ffd5b80639f82993d11610153578063b38e7d2c1161012e578063b38e7d2c146106b2578063b6e77c53146106dd578063bef37613146106f0575f5ffd5b80639f82993d1461067b578063a2b6de8a146106a2578063a4874d77146106aa575f5ffd5b8063938802071161018357806393880207146106325780639952972914610645578063998060bd14610658575f5ffd5b80638b6bd95b146105f95780638c64dcee1461060c5780638f54b44a1461061f575f5ffd5b80634ea18edd11610273578063741e36991161021e5780637c145cc7116101f95780637c145cc7146105835780637d1c2e78146105965780637ecebe00146105b657806384b0196e146105de575f5ffd5b8063741e36991461053657806374bce0bc1461055d57806378f4a36114610570575f5ffd5b80635bab78f21161024e5780635bab78f2146104dc5780635c9ed830146104fc57806365bf57d814610523575f5ffd5b80634ea18edd1461049657806353441358146104a9578063541e0703146104bc575f5ffd5b8063386829c8116102d357806340b61fe9116102ae57806340b61fe91461045d578063462f41ff146104705780634a2f8b1414610483575f5ffd5b8063386829c8146103e557806339ac7a08146103f85780633ba2e65c14610432575f5ffd5b80631991322511610303578063199132251461039c5780631fbeae49146103bf5780632edac4df146103d2575f5ffd5b8063079cf76e146103295780630d995ee2146103525780630f02165214610387575b5f5ffd5b61033c610337366004614cc5565b610993565b6040516103499190614d28565b60405180910390f35b6103797fb03948446334eb9b2196d5eb166f69b9d49403eb4a12f36de8d3f9f3cb8e15c381565b604051908152602001610349565b61039a610395366004614e0a565b610b30565b005b6103af6103aa366004614e88565b610ce9565b6040519015158152602001610349565b6103796103cd366004614eed565b610f40565b61039a6103e0366004614f34565b610fae565b6103af6103f3366004614f9d565b6110a6565b6103af610406366004614fed565b6001600160a01b039182165f908152600660209081526040808320939094168252919091522054151590565b61044561044036600461501e565b611116565b6040516001600160a01b039091168152602001610349565b61039a61046b366004614fed565b6111af565b61037961047e366004615046565b6113f5565b61039a610491366004614cc5565b611492565b6103796104a4366004614e88565b611522565b61039a6104b7366004614cc5565b6115c6565b6104cf6104ca366004614fed565b611793565b60405161034991906150a6565b6104ef6104ea366004614cc5565b611854565b60405161034991906150ff565b6103797f43ee3bbb34d5e4fa65e905c83d5090865207639e2d8ba48cd446faca6f961b7b81565b610379610531366004614e88565b6118c7565b6103797fc0c557c364444bdd56d8ee0ec1d8b9cdb815bc22106133a9fd6b66269f42f8d381565b61039a61056b366004615158565b6118f4565b6103af61057e366004615171565b611a52565b6103af6105913660046151a5565b611a60565b6105a96105a43660046151dc565b611a97565b60405161034991906152ba565b6103796105c4366004614cc5565b6001600160a01b03165f9081526002602052604090205490565b6105e6611ba2565b60405161034997969594939291906152cc565b61039a610607366004615158565b611c00565b61039a61061a366004615395565b611c1c565b61037961062d3660046153bd565b611efa565b61039a610640366004614cc5565b611f07565b610445610653366004615440565b612087565b61066b6106663660046151a5565b6120c2565b60405161034994939291906154aa565b6103797f158911a349ced51714c94e52e73209a19e10d8527527721c624c24cd03fd4ee281565b61039a612486565b61039a6124f8565b6104456106c0366004614cc5565b6001600160a01b039081165f908152600960205260409020541690565b61039a6106eb3660046154f5565b6125e5565b6103796106fe366004615563565b61267b565b61039a61071136600461558b565b612740565b610786610724366004614cc5565b6040805180820182525f80825260209182018190526001600160a01b0393841681526008825282902082518084019093525492831682527401000000000000000000000000000000000000000090920465ffffffffffff169181019190915290565b6040805182516001600160a01b0316815260209283015165ffffffffffff169281019290925201610349565b6103796107c036600461501e565b6127c6565b61086f6107d33660046151a5565b60408051608080820183525f8083526020808401829052838501829052606093840182905284519782529586529383528184208452600b8552928290209285018252915465ffffffffffff8082168652660100000000000082048116948601949094526c010000000000000000000000008104841691850191909152720100000000000000000000000000000000000090049091169082015290565b60405161034991905f60808201905065ffffffffffff835116825265ffffffffffff602084015116602083015265ffffffffffff604084015116604083015265ffffffffffff606084015116606083015292915050565b61039a6108d43660046155dc565b6127f3565b6108e16128b4565b60405163ffffffff9091168152602001610349565b6103796109043660046155f3565b612a53565b61039a610917366004614fed565b612ab4565b61039a61092a36600461561f565b612c03565b61094261093d366004615665565b612e01565b604051610349939291906156ad565b610379602081565b61039a6109673660046156d2565b612f2f565b6103797fdc0e8792b7686fb0055371eb446d16133dee9a6f7e8ec92e04df459beb3f3a0a81565b6109df604080516101208101909152805f81526020015f81526020015f81525f6020820181905260408201819052606082018190526080820181905260a0820181905260c09091015290565b6001600160a01b0382165f9081526004602052604090819020815161012081019092528054829060ff166002811115610a1a57610a1a614cde565b6002811115610a2b57610a2b614cde565b81528154602090910190610100900460ff166002811115610a4e57610a4e614cde565b6002811115610a5f57610a5f614cde565b8152815460209091019062010000900460ff166002811115610a8357610a83614cde565b6002811115610a9457610a94614cde565b8152905460ff6301000000820481166020840152640100000000820416604083015263ffffffff6501000000000082048116606084015265ffffffffffff6901000000000000000000830416608084015267ffffffffffffffff6f0100000000000000000000000000000083041660a0840152770100000000000000000000000000000000000000000000009091041660c09091015292915050565b5f610b3a84613139565b90505f839003610b76576040517f69c5311c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f600e5f610b8d87875f9182526020526040902090565b81526020019081526020015f2090505f815490505f8365ffffffffffff1665ffffffffffff80168316118015610bc55750603082901c155b905080151585151503610c53578415610c0a576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040517f4bcfc9820000000000000000000000000000000000000000000000000000000081526001600160a01b0388166004820152602481018790526044015b60405180910390fd5b84610c63574360301b8217610c65565b435b91508183558415610caa5760405186906001600160a01b038916907f2c229fcd0633759b5f3fdbe1c8bec7ad24e1e27ddfb8c69fb5488945a6d8a8a2905f90a3610ce0565b60405186906001600160a01b038916907f72df223c33211f5cef73565e3d25f4ee5a854efa784b268007eaee865c6f1e09905f90a35b50505050505050565b5f5f610cf3613245565b90505f610cff86613289565b90506002815460ff166002811115610d1957610d19614cde565b14610d5b576040517f60b93c440000000000000000000000000000000000000000000000000000000081526001600160a01b0387166004820152602401610c4a565b610d658585613304565b6001600160a01b038087165f90815260066020908152604080832093861683529290529081205490819003610dd9576040517f3f8e0f050000000000000000000000000000000000000000000000000000000081526001600160a01b03808516600483015288166024820152604401610c4a565b5f610de5888888611522565b90505f610df3600184615736565b5f83815260076020526040902054600190911b915080821615610e54576040517f467570f90000000000000000000000000000000000000000000000000000000081526001600160a01b038716600482015260248101849052604401610c4a565b81175f610e60826133f7565b9050866001600160a01b0316848c6001600160a01b03167f4554d402d499f9ac6044a033f4ae19abbb5bcf6079999e343818ac5013bedf0684604051610ea891815260200190565b60405180910390a485546301000000900460ff16811015610ede57505f92835260076020526040832055509350610f3992505050565b5f848152600760205260408082208290555185916001600160a01b038e16917fc3e652dd42f5b3614ce56c0d9094fadb50c22b5096251d0c5f30a9ff3c8b44979190a3610f2c8b8b8b61341e565b5060019750505050505050505b9392505050565b5f610fa8610f4d836134c9565b6040517f190100000000000000000000000000000000000000000000000000000000000081527f43ee3bbb34d5e4fa65e905c83d5090865207639e2d8ba48cd446faca6f961b7b600282015260228101919091526042902090565b92915050565b5f819003610fe8576040517f69c5311c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f5f610ff7888888886135bb565b92509250925083600f5f61101485435f9182526020526040902090565b81526020019081526020015f2081905550866001600160a01b0316886001600160a01b0316846001600160a01b03167f64c9d3dc54c943b7a6c3fbcb3b8f20a3188e5ea2bf01860efd929be5abc2c6178985896040516110949392919065ffffffffffff9384168152919092166020820152604081019190915260600190565b60405180910390a45050505050505050565b5f5f6110b4610f4d866137aa565b9050600c5f6110db6110cc6080890160608a01614cc5565b845f9182526020526040902090565b81526020019081526020015f20545f14801561110d575061110d6111056080870160608801614cc5565b8286866138a7565b95945050505050565b5f82826040516020016111729291906060808252601a908201527f57414d502d4532454520736861726564207472757374726f6f7400000000000060808201526001600160a01b03929092166020830152604082015260a00190565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe081840301815291905280516020909101209392505050565b5f5f6111ba84613912565b915091505f6111c7613245565b9050826001600160a01b0316816001600160a01b0316141580156111fd5750836001600160a01b0316816001600160a01b031614155b15611247576040517fc8198ab50000000000000000000000000000000000000000000000000000000081526001600160a01b03808316600483015286166024820152604401610c4a565b5f600a5f61125e88885f9182526020526040902090565b815260208101919091526040015f2090506002815460ff16600381111561128757611287614cde565b141580156112ab57506001815460ff1660038111156112a8576112a8614cde565b14155b156112f5576040517f7524a34f0000000000000000000000000000000000000000000000000000000081526001600160a01b03808716600483015287166024820152604401610c4a565b805465ffffffffffff43166f010000000000000000000000000000009081027fffffffffffffffffffffff000000000000ffffffffffffffffffffffffffff0090921691909117600317825583545f918591600f916113609167ffffffffffffffff91900416615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050856001600160a01b0316876001600160a01b0316866001600160a01b03167fc5555e2181042f3b6c23370b61335842f7cc2204f013c270946134fc02a16484846040516113e4919067ffffffffffffffff91909116815260200190565b60405180910390a450505050505050565b5f6114887fdc0e8792b7686fb0055371eb446d16133dee9a6f7e8ec92e04df459beb3f3a0a87878760405161142b929190615775565b60405190819003812061146d939291889088906020019485526001600160a01b0393909316602085015260408401919091526060830152608082015260a00190565b60405160208183030381529060405280519060200120613981565b9695505050505050565b5f61149b613245565b90505f6114a782613289565b6001600160a01b038481165f90815260096020526040902054919250838116911614611512576040517fbec160240000000000000000000000000000000000000000000000000000000081526001600160a01b03808516600483015283166024820152604401610c4a565b61151d8383836139c8565b505050565b6001600160a01b0383165f90815260046020526040808220549051859177010000000000000000000000000000000000000000000000900463ffffffff169061156e9086908690615775565b6040519081900381206115a79392916020016001600160a01b0393909316835263ffffffff919091166020830152604082015260600190565b6040516020818303038152906040528051906020012090509392505050565b5f6115cf613245565b90505f6115db83613289565b9050826001600160a01b0316826001600160a01b0316036116015761151d8284836139c8565b6001600160a01b038083165f90815260096020526040902054811690841681148061164757506001600160a01b038381165f908152600860205260409020548116908516145b1561167e576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b03811615611697576116978382613bd2565b6001600160a01b038381165f90815260096020526040812080547fffffffffffffffffffffffff0000000000000000000000000000000000000000169287169290921790915582548390600f9061170a906f01000000000000000000000000000000900467ffffffffffffffff16615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050846001600160a01b0316846001600160a01b03167fb567aa95704549dab45f58cbea6acaa300cf1e3ac56040300e8fe99959e3fcbf83604051611784919067ffffffffffffffff91909116815260200190565b60405180910390a35050505050565b60408051608080820183525f8083526020808401829052838501829052606084018290528682528581528482208252600a90528390208351918201909352825491929091829060ff1660038111156117ed576117ed614cde565b60038111156117fe576117fe614cde565b8152905467ffffffffffffffff610100820416602083015265ffffffffffff69010000000000000000008204811660408401526f0100000000000000000000000000000090910416606090910152905092915050565b6001600160a01b0381165f908152600560209081526040918290208054835181840281018401909452808452606093928301828280156118bb57602002820191905f5260205f20905b81546001600160a01b0316815260019091019060200180831161189d575b50505050509050919050565b5f6118ec60075f6118d9878787611522565b81526020019081526020015f20546133f7565b949350505050565b5f6118fd613245565b90505f61190982613289565b905082600281111561191d5761191d614cde565b815462010000900460ff16600281111561193957611939614cde565b03611970576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8054839082907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffff16620100008360028111156119ae576119ae614cde565b021790555080545f908290600f906119e2906f01000000000000000000000000000000900467ffffffffffffffff16615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050826001600160a01b03167fe22bf4ba6637203c0c49ee779c66cbf8f6657baa9a79736089c8250da6d7b55b8583604051611a44929190615784565b60405180910390a250505050565b5f5f6110b4610f4d866134c9565b5f5f611a6d8585856120c2565b509192505f9150611a7b9050565b81600b811115611a8d57611a8d614cde565b1495945050505050565b606083421115611ad6576040517fe6269ee000000000000000000000000000000000000000000000000000000000815260048101859052602401610c4a565b611ae08787613304565b611aea8886613cd1565b5f611af889898989896113f5565b9050611b06898286866138a7565b611b47576040517f7e112aa10000000000000000000000000000000000000000000000000000000081526001600160a01b038a166004820152602401610c4a565b886001600160a01b03167f106bb652d2413d012f87e87ec85f9e337ecd800b7edb341f292dc6d986a9c65b87604051611b8291815260200190565b60405180910390a2611b9589898961341e565b9998505050505050505050565b5f6060805f5f5f6060611bb3613d40565b611bbb613d70565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b5f611c09613245565b9050611c188160018484613d9b565b5050565b5f611c25613245565b90505f5f611c3285613912565b91509150611c3f84614125565b6002815462010000900460ff166002811115611c5d57611c5d614cde565b03611c9f576040517f34d1f7ec0000000000000000000000000000000000000000000000000000000081526001600160a01b0383166004820152602401610c4a565b5f600a5f611cb688875f9182526020526040902090565b815260208101919091526040015f9081209150825462010000900460ff166002811115611ce557611ce5614cde565b03611d5f57805467ffffffffffffffff86811661010090920416148015611d125750611d1281878461418b565b15611d49576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b611d5783838887858a61422c565b505050505050565b805467ffffffffffffffff86811661010090920416148015611d975750611d868187614358565b80611d975750611d9781878461418b565b15611dce576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b805465ffffffffffff43166901000000000000000000027fffffffffffffffffffffffffffffffffff000000000000ffffffffffffffffff67ffffffffffffffff88811661010002919091167fffffffffffffffffffffffffffffffffff0000000000000000000000000000009093169290921717600117825582545f918491600f91611e6e916f01000000000000000000000000000000900416615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050846001600160a01b0316876001600160a01b0316856001600160a01b03167f99d05cea7637760ec89761b58a0b231d08a0596b4ea94d8db3ecaa5cf6bd41ab89856040516113e492919067ffffffffffffffff92831681529116602082015260400190565b5f610fa8610f4d836137aa565b5f611f10613245565b90505f600a5f611f2985855f9182526020526040902090565b815260208101919091526040015f2090506002815460ff166003811115611f5257611f52614cde565b14611f9c576040517f7524a34f0000000000000000000000000000000000000000000000000000000081526001600160a01b03808416600483015284166024820152604401610c4a565b8054439065ffffffffffff8083166f010000000000000000000000000000009092041603611ff6576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b81547fffffffffffffffffffffff000000000000ffffffffffffffffffffffffffffff166f0100000000000000000000000000000065ffffffffffff83169081029190911783556040519081526001600160a01b0385811691908516907fa161eab84077f48e3a8b3244172a3bb79ccf01f5b9d5f20a377de1b0c2caa3a9906020015b60405180910390a350505050565b5f5f612091613245565b905061209d8188611116565b91506120ac8260028584613d9b565b6120b8828787876143c9565b5095945050505050565b5f5f5f5f5f600b5f6120eb8a8a8a604080515f9485526020939093529081526060909220915290565b815260208082019290925260409081015f9081208251608081018452905465ffffffffffff80821683526601000000000000820481169583018690526c01000000000000000000000000820481169483019490945272010000000000000000000000000000000000009004909216606083018190529294509092500361217b5750600193505f915081905061247d565b6001600160a01b038781165f908152600860209081526040918290208251808401909352549283168083527401000000000000000000000000000000000000000090930465ffffffffffff1690820152909450846121e25750600594505f925061247d9050565b6001600160a01b0385165f90815260046020526040902060018154610100900460ff16600281111561221657612216614cde565b1461222b5750600695505f935061247d915050565b8054606084015165ffffffffffff690100000000000000000090920482169116116122605750600795505f935061247d915050565b856001600160a01b03168a6001600160a01b0316036122825760ff94506123f1565b5f600a5f6122998c8e5f9182526020526040902090565b8152602081019190915260409081015f208151608081019092528054829060ff1660038111156122cb576122cb614cde565b60038111156122dc576122dc614cde565b8152905467ffffffffffffffff610100820416602083015265ffffffffffff69010000000000000000008204811660408401526f0100000000000000000000000000000090910416606090910152905060028151600381111561234157612341614cde565b1415806123665750826020015165ffffffffffff16816040015165ffffffffffff1611155b8061238f57508154604082015165ffffffffffff69010000000000000000009092048216911611155b156123a55750600996505f945061247d92505050565b60208101519550600286165f036123c357600a97505050505061247d565b806060015165ffffffffffff16846060015165ffffffffffff16116123ef57600b97505050505061247d565b505b816020015165ffffffffffff16836060015165ffffffffffff161161241c576008965050505061247d565b604083015165ffffffffffff161561243a576004965050505061247d565b825165ffffffffffff16421015612457576002965050505061247d565b826020015165ffffffffffff164210612476576003965050505061247d565b5f96505050505b93509350935093565b5f61248f613245565b6001600160a01b038082165f9081526009602052604090205491925016806124ee576040517f87de644a0000000000000000000000000000000000000000000000000000000081526001600160a01b0383166004820152602401610c4a565b611c188282613bd2565b5f612501613245565b90505f61250d82613289565b80547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ff16610200178082559091505f908290600f90612568906f01000000000000000000000000000000900467ffffffffffffffff16615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050826001600160a01b03167f148011fdda62c49d32953dd3780e9595ce48eadbcfa3abfd00b42b073a0a2df9826040516125d8919067ffffffffffffffff91909116815260200190565b60405180910390a2505050565b5f6125ee613245565b905060026001600160a01b0382165f9081526004602052604090205460ff16600281111561261e5761261e614cde565b14612660576040517f60b93c440000000000000000000000000000000000000000000000000000000081526001600160a01b0382166004820152602401610c4a565b612669816147ac565b612675818585856143c9565b50505050565b5f77ffffffffffffffffffffffffffffffffffffffffffffffff821615612724576001600160a01b0383165f90815260036020908152604080832077ffffffffffffffffffffffffffffffffffffffffffffffff8616845290915290205461271f90839067ffffffffffffffff1667ffffffffffffffff1660409190911b7fffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000161790565b610f39565b50506001600160a01b03165f9081526002602052604090205490565b5f5f61274e868686866135bb565b9250509150846001600160a01b0316866001600160a01b0316836001600160a01b03167f1fb46cf37e6b640162dbde78ca8215b137c87d9b0681934706d7edf8da13c54687856040516127b692919065ffffffffffff92831681529116602082015260400190565b60405180910390a4505050505050565b5f600c5f6127dd85855f9182526020526040902090565b81526020019081526020015f2054905092915050565b5f6127fc613245565b90505f61281282845f9182526020526040902090565b5f818152600c60205260409020549091501561286c576040517f6b7ec1f40000000000000000000000000000000000000000000000000000000081526001600160a01b038316600482015260248101849052604401610c4a565b5f818152600c60205260408082204290555184916001600160a01b038516917f16e15024b75c1a44a4fdc8bf0618b080dccd8897d187afcc98a9bc771313369b9190a3505050565b5f5f6128be613245565b90505f6128ca82613289565b8054909150439065ffffffffffff80831669010000000000000000009092041603612921576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b815482906005906129409065010000000000900463ffffffff166157aa565b82546101009290920a63ffffffff81810219909316928216029190911790915582547fffffffffffffffffffffffffffffffffff000000000000ffffffffffffffffff16690100000000000000000065ffffffffffff841602178084559094505f908390600f906129cd906f01000000000000000000000000000000900467ffffffffffffffff16615749565b825467ffffffffffffffff8083166101009490940a848102910219909116179092556040805163ffffffff8916815265ffffffffffff86166020820152908101919091529091506001600160a01b038516907fd98764e0d36d3d9eb4e934147a5386dc1d11056d2c3e86fc8211dab1262c18159060600160405180910390a25050505090565b5f5f612a5d613245565b9050612a698184614821565b9150806001600160a01b03167f2af71f10069c28afc67c3752e87e0e4616a97948d33c8f404a856c0c334b3e0183604051612aa691815260200190565b60405180910390a250919050565b5f612abd613245565b604080515f838152602087815286845260608220928452918152600b90915290812080549293509190609082901c9003612b3e576040517fec6777b50000000000000000000000000000000000000000000000000000000081526001600160a01b038085166004830152808716602483015285166044820152606401610c4a565b606081901c65ffffffffffff1615612b9d576040517fddfc90750000000000000000000000000000000000000000000000000000000081526001600160a01b038085166004830152808716602483015285166044820152606401610c4a565b5f4265ffffffffffff1690508060601b82178355846001600160a01b0316866001600160a01b0316856001600160a01b03167f3d4d42395b16bca9512c80c1fbff356932d95ad04bf1ca95408369fb9876335260405160405180910390a4505050505050565b5f612c0d85613912565b5090505f612c19613245565b9050816001600160a01b0316816001600160a01b031614612c79576040517fc8198ab50000000000000000000000000000000000000000000000000000000081526001600160a01b03808316600483015287166024820152604401610c4a565b612c85601760016157c5565b60ff168363ffffffff16901c63ffffffff165f141580612cbf5750848015612cbf575063ffffffff84161580612cbf575063ffffffff8316155b15612cf6576040517fa82170d200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b0386165f908152600d602052604081208054909168ffffffff0000000000602887901b1664ffffffff00600889901b1689612d38575f612d3b565b60015b60ff1617179050604882901c15801590612d5f5750808268ffffffffffffffffff16145b15612d96576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b4360481b8117835560408051891515815263ffffffff808a1660208301528816918101919091526001600160a01b038a16907f1680137c93fc296ca139f4bb4278836988d3ee6b5219fc66fb7cde469cdf8b75906060015b60405180910390a2505050505050505050565b6001600160a01b0383165f908152600d6020526040812080549190819081612e40898989604080515f9485526020939093529081526060909220915290565b5f818152600b60205260409020549091507201000000000000000000000000000000000000900465ffffffffffff168015612e99575f82815265ffffffffffff8216602090815260408083208352600f90915290205494505b5f600e5f612eb08c8b5f9182526020526040902090565b815260208082019290925260409081015f90812080546001600160a01b038f16835260089094529190205490925065ffffffffffff7401000000000000000000000000000000000000000090910481169082161115612f2057603081901c15612f1a576002612f1d565b60015b95505b50505050509450945094915050565b5f5f612f3a85613912565b915091505f612f47613245565b9050826001600160a01b0316816001600160a01b031614612fa7576040517fc8198ab50000000000000000000000000000000000000000000000000000000081526001600160a01b03808316600483015287166024820152604401610c4a565b6001600160a01b038516612fe7576040517f8924f36600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b612ff084614125565b5f600a5f61300789895f9182526020526040902090565b815260208101919091526040015f2090506001835462010000900460ff16600281111561303657613036614cde565b036130cc576130458188614358565b15801561305a575061305881888561418b565b155b8061307a5750805467ffffffffffffffff61010090910481161986161615155b156130cc576040517ff6cc985a0000000000000000000000000000000000000000000000000000000081526001600160a01b038716600482015267ffffffffffffffff86166024820152604401610c4a565b805467ffffffffffffffff868116610100909204161480156130f457506130f481888561418b565b1561312b576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610ce084848989858a61422c565b6001600160a01b038181165f9081526008602090815260408083208151808301909252549384168082527401000000000000000000000000000000000000000090940465ffffffffffff169181019190915290916131ce576040517f4b7d579b0000000000000000000000000000000000000000000000000000000081526001600160a01b0384166004820152602401610c4a565b5f6131d7613245565b9050815f01516001600160a01b0316816001600160a01b03161461323a576040517fc8198ab50000000000000000000000000000000000000000000000000000000081526001600160a01b03808316600483015285166024820152604401610c4a565b506020015192915050565b5f3330148015613256575060183610155b15613284575f36613268601482615736565b6132739282906157de565b61327c91615805565b60601c905090565b503390565b6001600160a01b0381165f90815260046020526040902060018154610100900460ff1660028111156132bd576132bd614cde565b146132ff576040517f488ea2450000000000000000000000000000000000000000000000000000000081526001600160a01b0383166004820152602401610c4a565b919050565b600481101561333f576040517f963e574d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f61334d60048284866157de565b6133569161586a565b90507f82e3d188000000000000000000000000000000000000000000000000000000007fffffffff0000000000000000000000000000000000000000000000000000000082160161151d576040517f672c55050000000000000000000000000000000000000000000000000000000081527fffffffff0000000000000000000000000000000000000000000000000000000082166004820152602401610c4a565b5f5b81156132ff5761340a600183615736565b90911690613417816158cf565b90506133f9565b60605f5f306001600160a01b031685858860405160200161344193929190615906565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0818403018152908290526134799161593f565b5f604051808303815f865af19150503d805f81146134b2576040519150601f19603f3d011682016040523d82523d5f602084013e6134b7565b606091505b50915091508161110d57805160208201fd5b5f7f158911a349ced51714c94e52e73209a19e10d8527527721c624c24cd03fd4ee282356134fd6040850160208601614cc5565b60408501356135126080870160608801614cc5565b608087013561352760c0890160a08a01615955565b61353460c08a018a61596e565b604051613542929190615775565b6040805191829003822060208301999099528101969096526001600160a01b0394851660608701526080860193909352921660a084015260c083019190915267ffffffffffffffff1660e0820152610100810191909152610120015b604051602081830303815290604052805190602001209050919050565b5f80806001600160a01b03871615806135db57506001600160a01b038616155b15613612576040517f8924f36600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b65ffffffffffff841615613626578361362e565b65ffffffffffff5b90508465ffffffffffff168165ffffffffffff161161368b576040517f34ae8aab00000000000000000000000000000000000000000000000000000000815265ffffffffffff808716600483015285166024820152604401610c4a565b613693613245565b604080515f83815260209a8b529882526060808a2060808301845265ffffffffffff998a168352858a168c84019081528385018c8152438c16938501938452828d52600b909d5293909a209151825493519b5191518a167201000000000000000000000000000000000000027fffffffffffffffff000000000000ffffffffffffffffffffffffffffffffffff928b166c0100000000000000000000000002929092167fffffffffffffffff000000000000000000000000ffffffffffffffffffffffff9c8b166601000000000000027fffffffffffffffffffffffffffffffffffffffff00000000000000000000000090951691909a161792909217999099169690961795909517909655509194929392915050565b5f7fc0c557c364444bdd56d8ee0ec1d8b9cdb815bc22106133a9fd6b66269f42f8d382356137de6040850160208601614cc5565b60408501356137f36080870160608801614cc5565b61380360a0880160808901614cc5565b61381360c0890160a08a01614cc5565b61382360e08a0160c08b01615955565b61383060e08b018b61596e565b60405161383e929190615775565b60408051918290038220602083019a909a528101979097526001600160a01b039586166060880152608087019490945291841660a0860152831660c085015290911660e083015267ffffffffffffffff166101008201526101208101919091526101400161359e565b5f846001600160a01b03163b5f03613906575f5f6138c68686866148ee565b5090925090505f8160038111156138df576138df614cde565b1480156138fd5750866001600160a01b0316826001600160a01b0316145b925050506118ec565b61110d85858585614935565b6001600160a01b038082165f908152600860205260408120549091169081613971576040517f4b7d579b0000000000000000000000000000000000000000000000000000000081526001600160a01b0384166004820152602401610c4a565b61397a82613289565b9050915091565b5f610fa861398d6149b8565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b6001600160a01b038084165f9081526008602052604090205481169083168103613a1e576040517f08a9cdd600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b038085165f9081526009602052604090205481169084168103613a84576001600160a01b0385165f90815260096020526040902080547fffffffffffffffffffffffff0000000000000000000000000000000000000000169055613a9d565b6001600160a01b03811615613a9d57613a9d8582613bd2565b6040805180820182526001600160a01b03808716825265ffffffffffff43811660208085019182528a84165f908152600890915294852093518454915190921674010000000000000000000000000000000000000000027fffffffffffff0000000000000000000000000000000000000000000000000000909116919092161717905583548490600f90613b4e9067ffffffffffffffff6f0100000000000000000000000000000090910416615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050826001600160a01b0316856001600160a01b0316876001600160a01b03167f50fa622ff34c3353be82894101dd223b8f2cd3cea270d5e6d2e41e118db63938846040516127b6919067ffffffffffffffff91909116815260200190565b6001600160a01b038281165f90815260096020908152604080832080547fffffffffffffffffffffffff00000000000000000000000000000000000000001690559284168252600490529081208054600f90613c4a906f01000000000000000000000000000000900467ffffffffffffffff16615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050816001600160a01b0316836001600160a01b03167fd53b8b5754095f6a03c678ec1a1bda57b4548862b9b4cd75a2d45a8aeff8a8b383604051613cc4919067ffffffffffffffff91909116815260200190565b60405180910390a3505050565b604081901c5f819003613ce85761151d8383614ae1565b5f613cf38483614821565b9050808314612675576040517f752d88c00000000000000000000000000000000000000000000000000000000081526001600160a01b038516600482015260248101829052604401610c4a565b6060613d6b7f0000000000000000000000000000000000000000000000000000000000000000614b4c565b905090565b6060613d6b7f0000000000000000000000000000000000000000000000000000000000000000614b4c565b6001600160a01b0384165f9081526004602052604081205460ff166002811115613dc757613dc7614cde565b14613e09576040517f626773cc0000000000000000000000000000000000000000000000000000000081526001600160a01b0385166004820152602401610c4a565b604051806101200160405280846002811115613e2757613e27614cde565b815260200160018152602001836002811115613e4557613e45614cde565b81525f602080830182905260408084018390526060840183905260808401839052600160a0850181905260c09094018390526001600160a01b038916835260049091529020825181549192909183917fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0090911690836002811115613ecb57613ecb614cde565b02179055506020820151815482907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ff16610100836002811115613f1057613f10614cde565b02179055506040820151815482907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffff1662010000836002811115613f5657613f56614cde565b021790555060608201518154608084015160a085015160c086015160e0870151610100909701517fffffffffffffffffffffffffffffffffffffffffffffffffffffff0000ffffff909416630100000060ff968716027fffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffffff16176401000000009590931694909402919091177fffffffffffffffffffffffffffffffffff00000000000000000000ffffffffff166501000000000063ffffffff928316027fffffffffffffffffffffffffffffffffff000000000000ffffffffffffffffff1617690100000000000000000065ffffffffffff90941693909302929092177fffffffffff000000000000000000000000ffffffffffffffffffffffffffffff166f0100000000000000000000000000000067ffffffffffffffff909516949094027fffffffffff00000000ffffffffffffffffffffffffffffffffffffffffffffff16939093177701000000000000000000000000000000000000000000000091909316029190911790556040516001600160a01b0382811691908616907f72eb930e5566d52b138d10abeddc2cc848830286d6b0444047ca9039daed32ae9061207990879087906001906159cf565b67ffffffffffffffff81161580614145575067ffffffffffffff01811615155b15614188576040517ff630ae3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610c4a565b50565b5f6002845460ff1660038111156141a4576141a4614cde565b1480156141fa57506001600160a01b0383165f9081526008602052604090205484547401000000000000000000000000000000000000000090910465ffffffffffff908116690100000000000000000090920416115b80156118ec57508154845465ffffffffffff690100000000000000000092839004811692909104161190509392505050565b815465ffffffffffff43166901000000000000000000027fffffffffffffffffffffffffffffffffff000000000000ffffffffffffffffff67ffffffffffffffff84811661010002919091167fffffffffffffffffffffffffffffffffff0000000000000000000000000000009093169290921717600217835585545f918791600f916142cc916f01000000000000000000000000000000900416615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050836001600160a01b0316856001600160a01b0316886001600160a01b03167f2b0c9aef413e56b4a8e511d99a57b8bd597efa3b2a5031ea4ad5a7d31cb5167e85856040516113e492919067ffffffffffffffff92831681529116602082015260400190565b5f6001835460ff16600381111561437157614371614cde565b148015610f395750506001600160a01b03165f9081526008602052604090205490547401000000000000000000000000000000000000000090910465ffffffffffff9081166901000000000000000000909204161190565b818015806143d75750602081115b806143e3575060ff8216155b806143f05750808260ff16115b15614433576040517f7b6c44f50000000000000000000000000000000000000000000000000000000081526004810182905260ff83166024820152604401610c4a565b6001600160a01b0385165f90815260056020526040902080545b8015614523576001600160a01b0387165f9081526006602052604081209083614477600185615736565b8154811061448757614487615a06565b5f9182526020808320909101546001600160a01b0316835282019290925260400181205581548290806144bc576144bc615a33565b5f8281526020902081017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff90810180547fffffffffffffffffffffffff000000000000000000000000000000000000000016905501905561451c81615a60565b905061444d565b505f5b8281101561464e575f86868381811061454157614541615a06565b90506020020160208101906145569190614cc5565b90506001600160a01b038116158061459157506001600160a01b038089165f9081526006602090815260408083209385168352929052205415155b156145d4576040517f7b6c44f50000000000000000000000000000000000000000000000000000000081526004810185905260ff86166024820152604401610c4a565b6145df826001615a94565b6001600160a01b03808a165f90815260066020908152604080832095909316808352948152918120929092558454600181810187558684529190922090910180547fffffffffffffffffffffffff00000000000000000000000000000000000000001690921790915501614526565b506001600160a01b0386165f908152600460205260408120805460ff858116640100000000027fffffffffffffffffffffffffffffffffffffffffffffffffffffff00ffffffff918816630100000002919091167fffffffffffffffffffffffffffffffffffffffffffffffffffffff0000ffffff909216919091171780825590919082906017906147019063ffffffff77010000000000000000000000000000000000000000000000909104166157aa565b91906101000a81548163ffffffff021916908363ffffffff160217905590505f825f01600f81819054906101000a900467ffffffffffffffff1661474490615749565b91906101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790559050886001600160a01b03167f423180401a861c2a39c4703e98a31783bd5088c99fb13ae19fab704c42bf66518989898686604051612dee959493929190615aa7565b60016001600160a01b0382165f90815260046020526040902054610100900460ff1660028111156147df576147df614cde565b14614188576040517f488ea2450000000000000000000000000000000000000000000000000000000081526001600160a01b0382166004820152602401610c4a565b5f77ffffffffffffffffffffffffffffffffffffffffffffffff8216156148c9576001600160a01b0383165f90815260036020908152604080832077ffffffffffffffffffffffffffffffffffffffffffffffff861684529091529081902080547fffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000808216600167ffffffffffffffff938416908101909316179092559184901b1617610f39565b6001600160a01b0383165f908152600260205260409020805460018101909155610f39565b5f80806041849003614922578435602086013560408701355f1a61491489828585614b89565b95509550955050505061492c565b505f915060029050825b93509350939050565b604080517f1626ba7e00000000000000000000000000000000000000000000000000000000808252600482018690526024820192909252604481018390525f91908390818660648301375f82606483010152601f820160051c60051b915060205f60648401838b5afa9050825f5114601f3d111681169350505050949350505050565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015614a1057507f000000000000000000000000000000000000000000000000000000000000000046145b15614a3a57507f000000000000000000000000000000000000000000000000000000000000000090565b613d6b604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b6001600160a01b0382165f90815260026020526040902080546001810190915581811461151d576040517f752d88c00000000000000000000000000000000000000000000000000000000081526001600160a01b038416600482015260248101829052604401610c4a565b60605f614b5883614c6f565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115614bc257505f91506003905082614c65565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015614c13573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe001519150506001600160a01b038116614c5c57505f925060019150829050614c65565b92505f91508190505b9450945094915050565b5f60ff8216601f811115610fa8576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b80356001600160a01b03811681146132ff575f5ffd5b5f60208284031215614cd5575f5ffd5b610f3982614caf565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b6003811061418857614188614cde565b614d2481614d0b565b9052565b8151610120820190614d3981614d0b565b82526020830151614d4981614d0b565b806020840152506040830151614d626040840182614d1b565b506060830151614d77606084018260ff169052565b506080830151614d8c608084018260ff169052565b5060a0830151614da460a084018263ffffffff169052565b5060c0830151614dbe60c084018265ffffffffffff169052565b5060e0830151614dda60e084018267ffffffffffffffff169052565b50610100830151614df461010084018263ffffffff169052565b5092915050565b803580151581146132ff575f5ffd5b5f5f5f60608486031215614e1c575f5ffd5b614e2584614caf565b925060208401359150614e3a60408501614dfb565b90509250925092565b5f5f83601f840112614e53575f5ffd5b50813567ffffffffffffffff811115614e6a575f5ffd5b602083019150836020828501011115614e81575f5ffd5b9250929050565b5f5f5f60408486031215614e9a575f5ffd5b614ea384614caf565b9250602084013567ffffffffffffffff811115614ebe575f5ffd5b614eca86828701614e43565b9497909650939450505050565b5f60e08284031215614ee7575f5ffd5b50919050565b5f60208284031215614efd575f5ffd5b813567ffffffffffffffff811115614f13575f5ffd5b6118ec84828501614ed7565b803565ffffffffffff811681146132ff575f5ffd5b5f5f5f5f5f60a08688031215614f48575f5ffd5b614f5186614caf565b9450614f5f60208701614caf565b9350614f6d60408701614f1f565b9250614f7b60608701614f1f565b949793965091946080013592915050565b5f6101008284031215614ee7575f5ffd5b5f5f5f60408486031215614faf575f5ffd5b833567ffffffffffffffff811115614fc5575f5ffd5b614fd186828701614f8c565b935050602084013567ffffffffffffffff811115614ebe575f5ffd5b5f5f60408385031215614ffe575f5ffd5b61500783614caf565b915061501560208401614caf565b90509250929050565b5f5f6040838503121561502f575f5ffd5b61503883614caf565b946020939093013593505050565b5f5f5f5f5f6080868803121561505a575f5ffd5b61506386614caf565b9450602086013567ffffffffffffffff81111561507e575f5ffd5b61508a88828901614e43565b9699909850959660408101359660609091013595509350505050565b81516080820190600481106150bd576150bd614cde565b8083525067ffffffffffffffff602084015116602083015265ffffffffffff604084015116604083015265ffffffffffff606084015116606083015292915050565b602080825282518282018190525f918401906040840190835b8181101561513f5783516001600160a01b0316835260209384019390920191600101615118565b509095945050505050565b8035600381106132ff575f5ffd5b5f60208284031215615168575f5ffd5b610f398261514a565b5f5f5f60408486031215615183575f5ffd5b833567ffffffffffffffff811115615199575f5ffd5b614fd186828701614ed7565b5f5f5f606084860312156151b7575f5ffd5b6151c084614caf565b92506151ce60208501614caf565b9150614e3a60408501614caf565b5f5f5f5f5f5f5f60a0888a0312156151f2575f5ffd5b6151fb88614caf565b9650602088013567ffffffffffffffff811115615216575f5ffd5b6152228a828b01614e43565b9097509550506040880135935060608801359250608088013567ffffffffffffffff81111561524f575f5ffd5b61525b8a828b01614e43565b989b979a50959850939692959293505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b602081525f610f39602083018461526e565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f61530660e083018961526e565b8281036040840152615318818961526e565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b8181101561536d57835183526020938401939092019160010161534f565b50909b9a5050505050505050505050565b803567ffffffffffffffff811681146132ff575f5ffd5b5f5f604083850312156153a6575f5ffd5b6153af83614caf565b91506150156020840161537e565b5f602082840312156153cd575f5ffd5b813567ffffffffffffffff8111156153e3575f5ffd5b6118ec84828501614f8c565b5f5f83601f8401126153ff575f5ffd5b50813567ffffffffffffffff811115615416575f5ffd5b6020830191508360208260051b8501011115614e81575f5ffd5b803560ff811681146132ff575f5ffd5b5f5f5f5f5f60808688031215615454575f5ffd5b85359450602086013567ffffffffffffffff811115615471575f5ffd5b61547d888289016153ef565b9095509350615490905060408701615430565b915061549e6060870161514a565b90509295509295909350565b60808101600c86106154be576154be614cde565b9481526001600160a01b0393909316602084015267ffffffffffffffff91909116604083015265ffffffffffff1660609091015290565b5f5f5f60408486031215615507575f5ffd5b833567ffffffffffffffff81111561551d575f5ffd5b615529868287016153ef565b9094509250614e3a905060208501615430565b803577ffffffffffffffffffffffffffffffffffffffffffffffff811681146132ff575f5ffd5b5f5f60408385031215615574575f5ffd5b61557d83614caf565b91506150156020840161553c565b5f5f5f5f6080858703121561559e575f5ffd5b6155a785614caf565b93506155b560208601614caf565b92506155c360408601614f1f565b91506155d160608601614f1f565b905092959194509250565b5f602082840312156155ec575f5ffd5b5035919050565b5f60208284031215615603575f5ffd5b610f398261553c565b803563ffffffff811681146132ff575f5ffd5b5f5f5f5f60808587031215615632575f5ffd5b61563b85614caf565b935061564960208601614dfb565b92506156576040860161560c565b91506155d16060860161560c565b5f5f5f5f60808587031215615678575f5ffd5b61568185614caf565b935061568f60208601614caf565b925061569d60408601614caf565b9396929550929360600135925050565b83815260208101839052606081016156c483614d0b565b826040830152949350505050565b5f5f5f606084860312156156e4575f5ffd5b6156ed84614caf565b92506156fb60208501614caf565b9150614e3a6040850161537e565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b81810381811115610fa857610fa8615709565b5f67ffffffffffffffff821667ffffffffffffffff810361576c5761576c615709565b60010192915050565b818382375f9101908152919050565b6040810161579184614d0b565b92815267ffffffffffffffff9190911660209091015290565b5f63ffffffff821663ffffffff810361576c5761576c615709565b60ff8181168382160190811115610fa857610fa8615709565b5f5f858511156157ec575f5ffd5b838611156157f8575f5ffd5b5050820193919092039150565b80357fffffffffffffffffffffffffffffffffffffffff0000000000000000000000008116906014841015614df4577fffffffffffffffffffffffffffffffffffffffff000000000000000000000000808560140360031b1b82161691505092915050565b80357fffffffff000000000000000000000000000000000000000000000000000000008116906004841015614df4577fffffffff00000000000000000000000000000000000000000000000000000000808560040360031b1b82161691505092915050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82036158ff576158ff615709565b5060010190565b8284823760609190911b7fffffffffffffffffffffffffffffffffffffffff000000000000000000000000169101908152601401919050565b5f82518060208501845e5f920191825250919050565b5f60208284031215615965575f5ffd5b610f398261537e565b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe18436030181126159a1575f5ffd5b83018035915067ffffffffffffffff8211156159bb575f5ffd5b602001915036819003821315614e81575f5ffd5b606081016159dc85614d0b565b8482526159e884614d0b565b83602083015267ffffffffffffffff83166040830152949350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603160045260245ffd5b5f81615a6e57615a6e615709565b507fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0190565b80820180821115610fa857610fa8615709565b608080825281018590525f8660a08301825b88811015615ae7576001600160a01b03615ad284614caf565b16825260209283019290910190600101615ab9565b5060ff969096166020840152505063ffffffff92909216604083015267ffffffffffffffff166060909101529291505056",
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

// PackAttestationStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8320277.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestationStatus(address issuer, address realm, address delegate, bytes32 measurement) view returns(uint256 policy, bytes32 akDigest, uint8 status)
func (trustRegistry *TrustRegistry) PackAttestationStatus(issuer common.Address, realm common.Address, delegate common.Address, measurement [32]byte) []byte {
	enc, err := trustRegistry.abi.Pack("attestationStatus", issuer, realm, delegate, measurement)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestationStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8320277.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestationStatus(address issuer, address realm, address delegate, bytes32 measurement) view returns(uint256 policy, bytes32 akDigest, uint8 status)
func (trustRegistry *TrustRegistry) TryPackAttestationStatus(issuer common.Address, realm common.Address, delegate common.Address, measurement [32]byte) ([]byte, error) {
	return trustRegistry.abi.Pack("attestationStatus", issuer, realm, delegate, measurement)
}

// AttestationStatusOutput serves as a container for the return parameters of contract
// method AttestationStatus.
type AttestationStatusOutput struct {
	Policy   *big.Int
	AkDigest [32]byte
	Status   uint8
}

// UnpackAttestationStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe8320277.
//
// Solidity: function attestationStatus(address issuer, address realm, address delegate, bytes32 measurement) view returns(uint256 policy, bytes32 akDigest, uint8 status)
func (trustRegistry *TrustRegistry) UnpackAttestationStatus(data []byte) (AttestationStatusOutput, error) {
	out, err := trustRegistry.abi.Unpack("attestationStatus", data)
	outstruct := new(AttestationStatusOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Policy = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.AkDigest = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	outstruct.Status = *abi.ConvertType(out[2], new(uint8)).(*uint8)
	return *outstruct, nil
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

// PackAuthorizeWithAttestationKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2edac4df.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function authorizeWithAttestationKey(address realm, address delegate, uint48 validFrom, uint48 validUntil, bytes32 akDigest) returns()
func (trustRegistry *TrustRegistry) PackAuthorizeWithAttestationKey(realm common.Address, delegate common.Address, validFrom *big.Int, validUntil *big.Int, akDigest [32]byte) []byte {
	enc, err := trustRegistry.abi.Pack("authorizeWithAttestationKey", realm, delegate, validFrom, validUntil, akDigest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAuthorizeWithAttestationKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2edac4df.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function authorizeWithAttestationKey(address realm, address delegate, uint48 validFrom, uint48 validUntil, bytes32 akDigest) returns()
func (trustRegistry *TrustRegistry) TryPackAuthorizeWithAttestationKey(realm common.Address, delegate common.Address, validFrom *big.Int, validUntil *big.Int, akDigest [32]byte) ([]byte, error) {
	return trustRegistry.abi.Pack("authorizeWithAttestationKey", realm, delegate, validFrom, validUntil, akDigest)
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

// PackSetAttestationPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0c73178.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAttestationPolicy(address realm, bool required, uint32 maxQuoteAge, uint32 pcrSelection) returns()
func (trustRegistry *TrustRegistry) PackSetAttestationPolicy(realm common.Address, required bool, maxQuoteAge uint32, pcrSelection uint32) []byte {
	enc, err := trustRegistry.abi.Pack("setAttestationPolicy", realm, required, maxQuoteAge, pcrSelection)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAttestationPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0c73178.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAttestationPolicy(address realm, bool required, uint32 maxQuoteAge, uint32 pcrSelection) returns()
func (trustRegistry *TrustRegistry) TryPackSetAttestationPolicy(realm common.Address, required bool, maxQuoteAge uint32, pcrSelection uint32) ([]byte, error) {
	return trustRegistry.abi.Pack("setAttestationPolicy", realm, required, maxQuoteAge, pcrSelection)
}

// PackSetMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f021652.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMeasurement(address realm, bytes32 measurement, bool allowed) returns()
func (trustRegistry *TrustRegistry) PackSetMeasurement(realm common.Address, measurement [32]byte, allowed bool) []byte {
	enc, err := trustRegistry.abi.Pack("setMeasurement", realm, measurement, allowed)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f021652.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMeasurement(address realm, bytes32 measurement, bool allowed) returns()
func (trustRegistry *TrustRegistry) TryPackSetMeasurement(realm common.Address, measurement [32]byte, allowed bool) ([]byte, error) {
	return trustRegistry.abi.Pack("setMeasurement", realm, measurement, allowed)
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

// TrustRegistryAttestationPolicySet represents a AttestationPolicySet event raised by the TrustRegistry contract.
type TrustRegistryAttestationPolicySet struct {
	Realm        common.Address
	Required     bool
	MaxQuoteAge  uint32
	PcrSelection uint32
	Raw          *types.Log // Blockchain specific contextual infos
}

const TrustRegistryAttestationPolicySetEventName = "AttestationPolicySet"

// ContractEventName returns the user-defined event name.
func (TrustRegistryAttestationPolicySet) ContractEventName() string {
	return TrustRegistryAttestationPolicySetEventName
}

// UnpackAttestationPolicySetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AttestationPolicySet(address indexed realm, bool required, uint32 maxQuoteAge, uint32 pcrSelection)
func (trustRegistry *TrustRegistry) UnpackAttestationPolicySetEvent(log *types.Log) (*TrustRegistryAttestationPolicySet, error) {
	event := "AttestationPolicySet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryAttestationPolicySet)
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

// TrustRegistryDelegateAuthorizedWithAttestationKey represents a DelegateAuthorizedWithAttestationKey event raised by the TrustRegistry contract.
type TrustRegistryDelegateAuthorizedWithAttestationKey struct {
	Issuer     common.Address
	Realm      common.Address
	Delegate   common.Address
	ValidFrom  *big.Int
	ValidUntil *big.Int
	AkDigest   [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const TrustRegistryDelegateAuthorizedWithAttestationKeyEventName = "DelegateAuthorizedWithAttestationKey"

// ContractEventName returns the user-defined event name.
func (TrustRegistryDelegateAuthorizedWithAttestationKey) ContractEventName() string {
	return TrustRegistryDelegateAuthorizedWithAttestationKeyEventName
}

// UnpackDelegateAuthorizedWithAttestationKeyEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DelegateAuthorizedWithAttestationKey(address indexed issuer, address indexed realm, address indexed delegate, uint48 validFrom, uint48 validUntil, bytes32 akDigest)
func (trustRegistry *TrustRegistry) UnpackDelegateAuthorizedWithAttestationKeyEvent(log *types.Log) (*TrustRegistryDelegateAuthorizedWithAttestationKey, error) {
	event := "DelegateAuthorizedWithAttestationKey"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryDelegateAuthorizedWithAttestationKey)
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

// TrustRegistryMeasurementAllowed represents a MeasurementAllowed event raised by the TrustRegistry contract.
type TrustRegistryMeasurementAllowed struct {
	Realm       common.Address
	Measurement [32]byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const TrustRegistryMeasurementAllowedEventName = "MeasurementAllowed"

// ContractEventName returns the user-defined event name.
func (TrustRegistryMeasurementAllowed) ContractEventName() string {
	return TrustRegistryMeasurementAllowedEventName
}

// UnpackMeasurementAllowedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MeasurementAllowed(address indexed realm, bytes32 indexed measurement)
func (trustRegistry *TrustRegistry) UnpackMeasurementAllowedEvent(log *types.Log) (*TrustRegistryMeasurementAllowed, error) {
	event := "MeasurementAllowed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryMeasurementAllowed)
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

// TrustRegistryMeasurementRevoked represents a MeasurementRevoked event raised by the TrustRegistry contract.
type TrustRegistryMeasurementRevoked struct {
	Realm       common.Address
	Measurement [32]byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const TrustRegistryMeasurementRevokedEventName = "MeasurementRevoked"

// ContractEventName returns the user-defined event name.
func (TrustRegistryMeasurementRevoked) ContractEventName() string {
	return TrustRegistryMeasurementRevokedEventName
}

// UnpackMeasurementRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MeasurementRevoked(address indexed realm, bytes32 indexed measurement)
func (trustRegistry *TrustRegistry) UnpackMeasurementRevokedEvent(log *types.Log) (*TrustRegistryMeasurementRevoked, error) {
	event := "MeasurementRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != trustRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TrustRegistryMeasurementRevoked)
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
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["AttestationRegistryInvalidAttestationPolicy"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackAttestationRegistryInvalidAttestationPolicyError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["AttestationRegistryMeasurementNotAllowed"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackAttestationRegistryMeasurementNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], trustRegistry.abi.Errors["AttestationRegistryZeroDigest"].ID.Bytes()[:4]) {
		return trustRegistry.UnpackAttestationRegistryZeroDigestError(raw[4:])
	}
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

// TrustRegistryAttestationRegistryInvalidAttestationPolicy represents a AttestationRegistryInvalidAttestationPolicy error raised by the TrustRegistry contract.
type TrustRegistryAttestationRegistryInvalidAttestationPolicy struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AttestationRegistryInvalidAttestationPolicy()
func TrustRegistryAttestationRegistryInvalidAttestationPolicyErrorID() common.Hash {
	return common.HexToHash("0xa82170d2a61e74d7ed0f4a5bd7ad8ab8dcc5090dde20ec17ead15149552f0163")
}

// UnpackAttestationRegistryInvalidAttestationPolicyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AttestationRegistryInvalidAttestationPolicy()
func (trustRegistry *TrustRegistry) UnpackAttestationRegistryInvalidAttestationPolicyError(raw []byte) (*TrustRegistryAttestationRegistryInvalidAttestationPolicy, error) {
	out := new(TrustRegistryAttestationRegistryInvalidAttestationPolicy)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "AttestationRegistryInvalidAttestationPolicy", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryAttestationRegistryMeasurementNotAllowed represents a AttestationRegistryMeasurementNotAllowed error raised by the TrustRegistry contract.
type TrustRegistryAttestationRegistryMeasurementNotAllowed struct {
	Realm       common.Address
	Measurement [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AttestationRegistryMeasurementNotAllowed(address realm, bytes32 measurement)
func TrustRegistryAttestationRegistryMeasurementNotAllowedErrorID() common.Hash {
	return common.HexToHash("0x4bcfc982416e43d72a926badf105e25f93e149e52bfe8ce4bea96014d9f834d2")
}

// UnpackAttestationRegistryMeasurementNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AttestationRegistryMeasurementNotAllowed(address realm, bytes32 measurement)
func (trustRegistry *TrustRegistry) UnpackAttestationRegistryMeasurementNotAllowedError(raw []byte) (*TrustRegistryAttestationRegistryMeasurementNotAllowed, error) {
	out := new(TrustRegistryAttestationRegistryMeasurementNotAllowed)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "AttestationRegistryMeasurementNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TrustRegistryAttestationRegistryZeroDigest represents a AttestationRegistryZeroDigest error raised by the TrustRegistry contract.
type TrustRegistryAttestationRegistryZeroDigest struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AttestationRegistryZeroDigest()
func TrustRegistryAttestationRegistryZeroDigestErrorID() common.Hash {
	return common.HexToHash("0x69c5311ce205a1295515c3d62e5f1ee5fcdcb9fdb081eb0b95d4a0ef71c4b6a5")
}

// UnpackAttestationRegistryZeroDigestError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AttestationRegistryZeroDigest()
func (trustRegistry *TrustRegistry) UnpackAttestationRegistryZeroDigestError(raw []byte) (*TrustRegistryAttestationRegistryZeroDigest, error) {
	out := new(TrustRegistryAttestationRegistryZeroDigest)
	if err := trustRegistry.abi.UnpackIntoInterface(out, "AttestationRegistryZeroDigest", raw); err != nil {
		return nil, err
	}
	return out, nil
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
